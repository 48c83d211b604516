package grammar

import (
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Sexp renders the tree under n as tree-sitter's S-expression: named nodes
// with their field names, MISSING nodes for tokens the parser inserted, and,
// when ranges is set, `[row, col] - [row, col]` after each node as
// `tree-sitter parse` prints it. The form without ranges is the one corpus
// tests compare.
func Sexp(n *sitter.Node, ranges bool) string {
	var b strings.Builder
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	writeNode(&b, c, "", 0, ranges)
	return b.String()
}

func writeNode(b *strings.Builder, c *sitter.TreeCursor, field string, depth int, ranges bool) {
	n := c.CurrentNode()
	if depth > 0 {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat("  ", depth))
	}
	if field != "" {
		b.WriteString(field)
		b.WriteString(": ")
	}
	b.WriteByte('(')
	b.WriteString(nodeLabel(n))
	if ranges {
		s, e := n.StartPoint(), n.EndPoint()
		fmt.Fprintf(b, " [%d, %d] - [%d, %d]", s.Row, s.Column, e.Row, e.Column)
	}
	if c.GoToFirstChild() {
		for {
			if visible(c.CurrentNode()) {
				writeNode(b, c, c.CurrentFieldName(), depth+1, ranges)
			}
			if !c.GoToNextSibling() {
				break
			}
		}
		c.GoToParent()
	}
	b.WriteByte(')')
}

// visible reports whether the S-expression shows n: named nodes, and
// anonymous tokens only when the parser made them up to recover.
func visible(n *sitter.Node) bool {
	return n.IsNamed() || n.IsMissing()
}

func nodeLabel(n *sitter.Node) string {
	switch {
	case n.IsMissing() && n.IsNamed():
		return "MISSING " + n.Type()
	case n.IsMissing():
		return fmt.Sprintf("MISSING %q", n.Type())
	default:
		return n.Type()
	}
}

// NormalizeSexp collapses the whitespace of an S-expression so that two
// renderings that differ only in layout compare equal.
func NormalizeSexp(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, " )", ")")
}
