package grammar

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// Flat is a syntax tree as one preorder
// array of nodes. Reading it costs no cgo call and allocates nothing per
// node, unlike go-tree-sitter's Node, which keeps every node it hands out
// in a per-tree map and allocates a string for each Type call. A Flat is
// plain memory: it stays valid after its tree is freed or edited.
type Flat struct {
	Nodes []FlatNode
}

// FlatNode is one node of a Flat. Its layout mirrors flatwalk.h's
// dpl_flat_node, which the walker writes.
type FlatNode struct {
	StartByte, EndByte uint32
	StartPoint         sitter.Point
	// Parent is the index of the parent node, -1 for node 0.
	Parent int32
	// Next is the index just past this node's subtree: its next sibling,
	// when it has one.
	Next uint32
	// ChildCount counts the node's visible children.
	ChildCount uint32
	Symbol     sitter.Symbol
	// Field is the id of the field the node fills in its parent, 0 for
	// none; FieldID maps names to ids.
	Field uint16
	Flags uint16
	_     uint16
}

// Flags of a FlatNode.
const (
	FlagNamed    = 1 << iota // a named node, not a literal token
	FlagMissing              // a token the parser invented
	FlagExtra                // a comment, allowed anywhere
	FlagError                // an ERROR node
	FlagHasError             // the node is or holds a syntax error
)

// IsNamed, IsMissing, IsExtra, IsError and HasError are the flags, as
// sitter.Node names them.
func (n *FlatNode) IsNamed() bool   { return n.Flags&FlagNamed != 0 }
func (n *FlatNode) IsMissing() bool { return n.Flags&FlagMissing != 0 }
func (n *FlatNode) IsExtra() bool   { return n.Flags&FlagExtra != 0 }
func (n *FlatNode) IsError() bool   { return n.Flags&FlagError != 0 }
func (n *FlatNode) HasError() bool  { return n.Flags&FlagHasError != 0 }

// Type is the node's type, as sitter.Node.Type returns it, from a table
// built once: no allocation.
func (n *FlatNode) Type() string { return SymbolName(n.Symbol) }

// Content is the node's text in src.
func (n *FlatNode) Content(src []byte) string { return string(src[n.StartByte:n.EndByte]) }

// FirstChild returns the index of node i's first child, or -1.
func (f *Flat) FirstChild(i int) int {
	if f.Nodes[i].Next > uint32(i+1) {
		return i + 1
	}
	return -1
}

// NextSibling returns the index of node i's next sibling in the Flat, or
// -1.
func (f *Flat) NextSibling(i int) int {
	p := f.Nodes[i].Parent
	next := f.Nodes[i].Next
	if p < 0 || next >= f.Nodes[p].Next {
		return -1
	}
	return int(next)
}

// ChildByField returns the index of node i's first child in field id, or
// -1.
func (f *Flat) ChildByField(i int, id uint16) int {
	for c := f.FirstChild(i); c >= 0; c = f.NextSibling(c) {
		if f.Nodes[c].Field == id {
			return c
		}
	}
	return -1
}

// IsSyntaxErrorAt reports whether node i itself is a syntax error: an
// ERROR node, a token the parser had to invent (MISSING), a missing_brace,
// or a block header that ends without a name or body.
func (f *Flat) IsSyntaxErrorAt(i int) bool {
	n := &f.Nodes[i]
	switch {
	case n.IsError(), n.IsMissing(), n.Type() == NodeMissingBrace:
		return true
	case n.Type() == NodeBlock:
		return f.ChildByField(i, fieldBody) < 0
	}
	return false
}

// DescribeAt says in a sentence what is wrong at syntax-error node i,
// naming the block it damages: "expected `}` to close block OrderService".
func (f *Flat) DescribeAt(i int, src []byte) string {
	n := &f.Nodes[i]
	switch {
	case n.Type() == NodeMissingBrace, n.IsMissing() && n.Type() == "}":
		return "expected `}` to close " + f.enclosingName(i, src)
	case n.IsMissing():
		return "expected " + flatTokenName(n) + " in " + f.enclosingName(i, src)
	case n.Type() == NodeBlock:
		if f.ChildByField(i, fieldName) < 0 {
			return "expected a block name after the block kind, then `{`"
		}
		return "expected `{` to open block " + f.blockLabel(i, src)
	default:
		return "unexpected " + f.errorText(i) + " in " + f.enclosingName(i, src)
	}
}

func flatTokenName(n *FlatNode) string {
	if n.IsNamed() {
		switch n.Type() {
		case NodeNumber, NodeString, NodeBoolean:
			return "a value"
		}
		return "a " + n.Type()
	}
	return "`" + n.Type() + "`"
}

func (f *Flat) errorText(i int) string {
	if c := f.FirstChild(i); c >= 0 {
		if f.Nodes[c].IsNamed() {
			return f.Nodes[c].Type()
		}
		return "`" + f.Nodes[c].Type() + "`"
	}
	return "input"
}

func (f *Flat) enclosingName(i int, src []byte) string {
	for p := f.Nodes[i].Parent; p >= 0; p = f.Nodes[p].Parent {
		if f.Nodes[p].Type() == NodeBlock {
			return "block " + f.blockLabel(int(p), src)
		}
	}
	return "the file"
}

func (f *Flat) blockLabel(b int, src []byte) string {
	if name := f.ChildByField(b, fieldName); name >= 0 {
		return f.Nodes[name].Content(src)
	}
	// A block always has its kind.
	return f.Nodes[f.ChildByField(b, fieldKind)].Content(src)
}
