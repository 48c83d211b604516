package grammar

import (
	"fmt"

	sitter "github.com/smacker/go-tree-sitter"
)

// Node types the rest of dpls matches on. The grammar defines them; keeping
// them here lets a renamed node break the build instead of a feature.
const (
	NodeSourceFile   = "source_file"
	NodeBlock        = "block"
	NodeObject       = "object"
	NodeMember       = "member"
	NodeArray        = "array"
	NodeString       = "string"
	NodeStringText   = "string_content"
	NodeEscape       = "escape_sequence"
	NodeNumber       = "number"
	NodeBoolean      = "boolean"
	NodeIdentifier   = "identifier"
	NodeComment      = "comment"
	NodeMissingBrace = "missing_brace"
	NodeError        = "ERROR"

	FieldKind  = "kind"
	FieldName  = "name"
	FieldBody  = "body"
	FieldKey   = "key"
	FieldValue = "value"
)

// IsSyntaxError reports whether n itself is a syntax error: an ERROR node, a
// token the parser had to invent (MISSING), a missing_brace, or a block
// header that ends without a name or body.
func IsSyntaxError(n *sitter.Node) bool {
	switch {
	case n.IsError(), n.IsMissing(), n.Type() == NodeMissingBrace:
		return true
	case n.Type() == NodeBlock:
		return n.ChildByFieldName(FieldBody) == nil
	}
	return false
}

// FirstSyntaxError returns the first syntax error under n in document order,
// or nil when there is none.
func FirstSyntaxError(n *sitter.Node) *sitter.Node {
	var found *sitter.Node
	WalkSyntaxErrors(n, func(bad *sitter.Node) bool {
		found = bad
		return false
	})
	return found
}

// WalkSyntaxErrors calls fn for every syntax error under n in document
// order, skipping subtrees without errors, until fn returns false.
func WalkSyntaxErrors(n *sitter.Node, fn func(*sitter.Node) bool) {
	walkErrors(n, fn)
}

func walkErrors(n *sitter.Node, fn func(*sitter.Node) bool) bool {
	if IsSyntaxError(n) {
		if !fn(n) {
			return false
		}
		if n.IsError() {
			return true // its insides are the error
		}
	}
	if !n.HasError() && n.Type() != NodeSourceFile && n.Type() != NodeBlock && n.Type() != NodeObject && n.Type() != NodeArray {
		return true
	}
	for i := 0; i < int(n.ChildCount()); i++ {
		if !walkErrors(n.Child(i), fn) {
			return false
		}
	}
	return true
}

// Describe says in a sentence what is wrong at a syntax-error node, naming
// the block it damages: `expected "}" to close block OrderService`.
func Describe(n *sitter.Node, src []byte) string {
	switch {
	case n.Type() == NodeMissingBrace, n.IsMissing() && n.Type() == "}":
		return fmt.Sprintf("expected `}` to close %s", enclosingName(n, src))
	case n.IsMissing():
		return fmt.Sprintf("expected %s in %s", tokenName(n), enclosingName(n, src))
	case n.Type() == NodeBlock:
		if n.ChildByFieldName(FieldName) == nil {
			return "expected a block name after the block kind, then `{`"
		}
		return fmt.Sprintf("expected `{` to open block %s", blockLabel(n, src))
	default:
		return fmt.Sprintf("unexpected %s in %s", errorText(n), enclosingName(n, src))
	}
}

func tokenName(n *sitter.Node) string {
	if n.IsNamed() {
		switch n.Type() {
		case NodeNumber, NodeString, NodeBoolean:
			return "a value"
		}
		return "a " + n.Type()
	}
	return "`" + n.Type() + "`"
}

// errorText names what an ERROR node holds, shortly.
func errorText(n *sitter.Node) string {
	if n.ChildCount() > 0 {
		c := n.Child(0)
		if c.IsNamed() {
			return c.Type()
		}
		return "`" + c.Type() + "`"
	}
	return "input"
}

func enclosingName(n *sitter.Node, src []byte) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == NodeBlock {
			return "block " + blockLabel(p, src)
		}
	}
	return "the file"
}

func blockLabel(b *sitter.Node, src []byte) string {
	if name := b.ChildByFieldName(FieldName); name != nil {
		return name.Content(src)
	}
	return b.ChildByFieldName(FieldKind).Content(src)
}

// ErrorOffset is the byte where a syntax-error node is reported: its
// start, except for a missing_brace. The scanner emits that where it saw
// the brace was missing — at the next block's header or the end of the
// text — and the object's range rightly runs up to there (the lines typed
// after the last member are still inside the block), but the `}` belongs
// just after the text before it, whitespace aside; that is where it is
// reported.
func ErrorOffset(n *sitter.Node, src []byte) int {
	if n.Type() == NodeMissingBrace {
		return afterText(src, int(n.StartByte()))
	}
	return int(n.StartByte())
}

// ErrorOffsetAt is ErrorOffset for node i of a Flat of src.
func (f *Flat) ErrorOffsetAt(i int, src []byte) int {
	n := &f.Nodes[i]
	if n.Type() == NodeMissingBrace {
		return afterText(src, int(n.StartByte))
	}
	return int(n.StartByte)
}

// afterText returns the offset just after the last byte before off that
// is not whitespace (the lexer's four whitespace bytes).
func afterText(src []byte, off int) int {
	for off > 0 && (src[off-1] == ' ' || src[off-1] == '\t' || src[off-1] == '\r' || src[off-1] == '\n') {
		off--
	}
	return off
}
