package grammar_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// FuzzParse parses arbitrary text, checks the shape of the tree, then
// applies one edit — replace src[start:start+del] by text — and checks the
// incremental reparse against a fresh parse of the edited text: for valid
// text the trees are identical, positions included. Where the text has
// syntax errors, tree-sitter's error recovery depends on the parse history
// (what it could reuse), so the two trees may recover differently; both must
// then still be well-formed trees of the whole text that report an error.
// Both trees must also flatten the same with the direct walk as with the
// cursor oracle (flatDirectDiff). The seeds are the draft's examples and the
// corpus inputs.
//
//	go test ./grammar -run '^$' -fuzz FuzzParse -fuzztime 120s
func FuzzParse(f *testing.F) {
	for _, path := range seedFiles(f) {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, uint16(len(src)/2), uint8(1), []byte("}"))
		f.Add(src, uint16(0), uint8(0), []byte("x"))
	}
	for _, path := range corpusFiles(f) {
		for i, c := range readCorpus(f, path) {
			f.Add([]byte(c.input), uint16(i*7), uint8(i%5), []byte("{\n\"é\" // c\n"))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte, start uint16, del uint8, text []byte) {
		tree := grammar.Parse(src)
		checkTree(t, tree.RootNode(), src)
		if err := flatDirectDiff(tree.RootNode()); err != nil {
			t.Fatalf("flattening %q: %v", src, err)
		}

		s := int(start) % (len(src) + 1)
		e := min(s+int(del), len(src))
		edit, next := grammar.EditFor(src, s, e, text)
		re := grammar.Reparse(tree, edit, next)
		fresh := grammar.Parse(next)
		checkTree(t, re.RootNode(), next)
		if err := flatDirectDiff(re.RootNode()); err != nil {
			t.Fatalf("flattening the reparse of %q: %v", next, err)
		}
		freshErr := grammar.FirstSyntaxError(fresh.RootNode(), next) != nil
		if freshErr {
			if grammar.FirstSyntaxError(re.RootNode(), next) == nil {
				t.Fatalf("replacing [%d:%d] of %q by %q: a fresh parse finds a syntax error, the incremental one none", s, e, src, text)
			}
			return
		}
		got, want := grammar.Sexp(re.RootNode(), true), grammar.Sexp(fresh.RootNode(), true)
		if got != want {
			t.Fatalf("replacing [%d:%d] of %q by %q: incremental tree differs from a fresh parse\nincremental:\n%s\nfresh:\n%s",
				s, e, src, text, got, want)
		}
	})
}

// checkTree checks what holds for any input: the root is a source_file (or,
// when nothing at all could be parsed as blocks, an ERROR) that ends at the end of the text and starts after its leading whitespace (which
// tree-sitter keeps as the root's padding), and every node lies inside its
// parent, after its previous sibling.
// whitespace is what the generated lexer skips between tokens: the grammar's
// /\s/ extra compiles to these four bytes only.
const whitespace = " \t\n\r"

func checkTree(t *testing.T, root *sitter.Node, src []byte) {
	t.Helper()
	if root.Type() != grammar.NodeSourceFile && root.Type() != grammar.NodeError {
		t.Fatalf("%q: root is %s", src, root.Type())
	}
	lead := len(src) - len(bytes.TrimLeft(src, whitespace))
	if int(root.StartByte()) != lead || int(root.EndByte()) != len(src) {
		t.Fatalf("%q: root spans [%d, %d), want [%d, %d)", src, root.StartByte(), root.EndByte(), lead, len(src))
	}
	if err := checkNesting(root); err != nil {
		t.Fatalf("%q: %v\n%s", src, err, grammar.Sexp(root, true))
	}
}

func checkNesting(n *sitter.Node) error {
	prevEnd := n.StartByte()
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if c.StartByte() < prevEnd || c.EndByte() > n.EndByte() || c.StartByte() > c.EndByte() {
			return fmt.Errorf("%s [%d, %d) is not inside %s [%d, %d) after byte %d",
				c.Type(), c.StartByte(), c.EndByte(), n.Type(), n.StartByte(), n.EndByte(), prevEnd)
		}
		prevEnd = c.EndByte()
		if err := checkNesting(c); err != nil {
			return err
		}
	}
	return nil
}
