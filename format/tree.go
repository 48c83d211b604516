package format

import (
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// node is what the formatter reads of a syntax-tree node, copied out of
// tree-sitter in one walk: every read of a tree-sitter node is a cgo call,
// and laying out a value reads its nodes several times.
type node struct {
	kind       string // the grammar's node type: "member", "{", ","…
	named      bool
	start, end int // bytes of the input
	kids       []*node
	width      int // memo of flatWidth, valid when measured is set
	measured   bool
}

// symbolKind caches the type name and namedness of each grammar symbol.
type symbolKind struct {
	kind  string
	named bool
}

// tokenKinds are the named nodes printed as one token: their children (the
// quotes and escapes of a string, the keyword of a boolean) are not copied.
var tokenKinds = map[string]bool{
	grammar.NodeString: true, grammar.NodeNumber: true, grammar.NodeBoolean: true,
	grammar.NodeIdentifier: true, grammar.NodeComment: true,
}

// symbols indexes symbolKind by grammar symbol, filled as symbols are met.
type symbols []symbolKind

func (s *symbols) of(n *sitter.Node) symbolKind {
	sym := int(n.Symbol())
	if sym >= len(*s) {
		*s = append(*s, make([]symbolKind, sym+1-len(*s))...)
	}
	if (*s)[sym].kind == "" {
		(*s)[sym] = symbolKind{kind: n.Type(), named: n.IsNamed()}
	}
	return (*s)[sym]
}

// build copies the tree under root.
func build(root *sitter.Node) *node {
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	var kinds symbols
	return buildNode(c, &kinds)
}

func buildNode(c *sitter.TreeCursor, kinds *symbols) *node {
	n := c.CurrentNode()
	k := kinds.of(n)
	x := &node{kind: k.kind, named: k.named, start: int(n.StartByte()), end: int(n.EndByte())}
	// Punctuation and whole tokens have no children worth a cgo call.
	if !k.named || tokenKinds[x.kind] || !c.GoToFirstChild() {
		return x
	}
	for {
		x.kids = append(x.kids, buildNode(c, kinds))
		if !c.GoToNextSibling() {
			break
		}
	}
	c.GoToParent()
	return x
}
