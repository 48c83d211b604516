package grammar_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// flatInputs are texts with every construct and many kinds of syntax
// errors: the seeds, the corpus inputs, the fuzz corpus, a generated
// workspace, and every seed cut short and with bytes deleted at many
// places.
func flatInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{"testgen": testgen.Workspace(1000)}
	for _, path := range seedFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		in[name] = src
		for cut := 0; cut < len(src); cut += 37 {
			in[fmt.Sprintf("%s[:%d]", name, cut)] = src[:cut]
			del := append(append([]byte(nil), src[:cut]...), src[min(cut+3, len(src)):]...)
			in[fmt.Sprintf("%s without [%d:%d]", name, cut, cut+3)] = del
		}
	}
	for _, path := range corpusFiles(t) {
		for i, c := range readCorpus(t, path) {
			in[fmt.Sprintf("%s#%d", path, i)] = []byte(c.input)
		}
	}
	fuzz, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	for _, path := range fuzz {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if lit, ok := strings.CutPrefix(line, "[]byte("); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(lit, ")")); err == nil {
					in[fmt.Sprintf("%s:%d", path, i+1)] = []byte(s)
				}
			}
		}
	}
	return in
}

// cursorWalk lists n's subtree in preorder as go-tree-sitter's cursor
// visits it, with each node's field name and parent index: what Flatten
// must reproduce. (Node.Parent is not the parent: for a zero-width node
// tree-sitter's ts_node_parent may return a node that merely ends there.)
func cursorWalk(n *sitter.Node) (nodes []*sitter.Node, fields []string, parents []int32) {
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	var visit func(parent int32)
	visit = func(parent int32) {
		me := int32(len(nodes))
		nodes = append(nodes, c.CurrentNode())
		fields = append(fields, c.CurrentFieldName())
		parents = append(parents, parent)
		if c.GoToFirstChild() {
			for {
				visit(me)
				if !c.GoToNextSibling() {
					break
				}
			}
			c.GoToParent()
		}
	}
	visit(-1)
	return nodes, fields, parents
}

// TestFlattenMatchesCursor checks every field of every flattened node, and
// the syntax-error checks and descriptions, against go-tree-sitter's
// cursor and Node on the same tree.
func TestFlattenMatchesCursor(t *testing.T) {
	for name, src := range flatInputs(t) {
		tree := grammar.Parse(src)
		nodes, fields, parents := cursorWalk(tree.RootNode())
		f := grammar.Flatten(tree.RootNode())
		if len(f.Nodes) != len(nodes) {
			t.Fatalf("%s: %d flat nodes, the cursor visits %d", name, len(f.Nodes), len(nodes))
		}
		for i, n := range nodes {
			got := &f.Nodes[i]
			parent := parents[i]
			var flags uint16
			for bit, on := range map[uint16]bool{
				grammar.FlagNamed: n.IsNamed(), grammar.FlagMissing: n.IsMissing(), grammar.FlagExtra: n.IsExtra(),
				grammar.FlagError: n.IsError(), grammar.FlagHasError: n.HasError(),
			} {
				if on {
					flags |= bit
				}
			}
			if got.Type() != n.Type() || grammar.FieldNameOf(got.Field) != fields[i] ||
				got.StartByte != n.StartByte() || got.EndByte != n.EndByte() || got.StartPoint != n.StartPoint() ||
				got.ChildCount != n.ChildCount() || got.Flags != flags || got.Parent != parent {
				t.Fatalf("%s: node %d is %s field %q [%d, %d) at %v, %d children, flags %b, parent %d; flat: %s field %q [%d, %d) at %v, %d children, flags %b, parent %d",
					name, i, n.Type(), fields[i], n.StartByte(), n.EndByte(), n.StartPoint(), n.ChildCount(), flags, parent,
					got.Type(), grammar.FieldNameOf(got.Field), got.StartByte, got.EndByte, got.StartPoint, got.ChildCount, got.Flags, got.Parent)
			}
			if next := flatNextSibling(i, parents); f.NextSibling(i) != next {
				t.Fatalf("%s: node %d: next sibling %d, flat says %d", name, i, next, f.NextSibling(i))
			}
			if want := nodeIsSyntaxError(n); f.IsSyntaxErrorAt(i) != want {
				t.Fatalf("%s: node %d (%s): IsSyntaxError %v, flat %v", name, i, n.Type(), want, !want)
			}
			if nodeIsSyntaxError(n) {
				if want, got := nodeDescribe(n, src), f.DescribeAt(i, src); got != want {
					t.Fatalf("%s: node %d (%s): Describe %q, flat %q", name, i, n.Type(), want, got)
				}
			}
		}
	}
}

// flatNextSibling finds node i's next sibling in a cursor walk.
func flatNextSibling(i int, parents []int32) int {
	if parents[i] < 0 {
		return -1
	}
	for j := i + 1; j < len(parents); j++ {
		switch parents[j] {
		case parents[i]:
			return j
		}
		if parents[j] < parents[i] {
			return -1
		}
	}
	return -1
}

// nodeIsSyntaxError and nodeDescribe are the oracle for the Flat's
// IsSyntaxErrorAt and DescribeAt: the same checks and sentences written
// against go-tree-sitter's Node.
//
// nodeIsSyntaxError reports whether n itself is a syntax error: an ERROR node, a
// token the parser had to invent (MISSING), a missing_brace, or a block
// header that ends without a name or body.
func nodeIsSyntaxError(n *sitter.Node) bool {
	switch {
	case n.IsError(), n.IsMissing(), n.Type() == grammar.NodeMissingBrace:
		return true
	case n.Type() == grammar.NodeBlock:
		return n.ChildByFieldName(grammar.FieldBody) == nil
	}
	return false
}

// nodeDescribe says in a sentence what is wrong at a syntax-error node, naming
// the block it damages: `expected "}" to close block OrderService`.
func nodeDescribe(n *sitter.Node, src []byte) string {
	switch {
	case n.Type() == grammar.NodeMissingBrace, n.IsMissing() && n.Type() == "}":
		return fmt.Sprintf("expected `}` to close %s", nodeEnclosingName(n, src))
	case n.IsMissing():
		return fmt.Sprintf("expected %s in %s", nodeTokenName(n), nodeEnclosingName(n, src))
	case n.Type() == grammar.NodeBlock:
		if n.ChildByFieldName(grammar.FieldName) == nil {
			return "expected a block name after the block kind, then `{`"
		}
		return fmt.Sprintf("expected `{` to open block %s", nodeBlockLabel(n, src))
	default:
		return fmt.Sprintf("unexpected %s in %s", nodeErrorText(n), nodeEnclosingName(n, src))
	}
}

func nodeTokenName(n *sitter.Node) string {
	if n.IsNamed() {
		switch n.Type() {
		case grammar.NodeNumber, grammar.NodeString, grammar.NodeBoolean:
			return "a value"
		}
		return "a " + n.Type()
	}
	return "`" + n.Type() + "`"
}

// nodeErrorText names what an ERROR node holds, shortly.
func nodeErrorText(n *sitter.Node) string {
	if n.ChildCount() > 0 {
		c := n.Child(0)
		if c.IsNamed() {
			return c.Type()
		}
		return "`" + c.Type() + "`"
	}
	return "input"
}

func nodeEnclosingName(n *sitter.Node, src []byte) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == grammar.NodeBlock {
			return "block " + nodeBlockLabel(p, src)
		}
	}
	return "the file"
}

func nodeBlockLabel(b *sitter.Node, src []byte) string {
	if name := b.ChildByFieldName(grammar.FieldName); name != nil {
		return name.Content(src)
	}
	return b.ChildByFieldName(grammar.FieldKind).Content(src)
}
