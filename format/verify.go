package format

import (
	"bytes"
	"fmt"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// Verify checks that after is a faithful reformatting of before: it parses
// without error to the same tree (S-expressions without ranges equal) and
// holds the same tokens in the same order, comments included, optional
// commas aside. Tests and the fuzz target use it to prove that formatting
// never drops, adds or reorders anything.
func Verify(before, after []byte) error {
	bt, at := grammar.Parse(before), grammar.Parse(after)
	defer bt.Close()
	defer at.Close()
	if err := syntaxError(at.RootNode(), after); err != nil {
		return fmt.Errorf("formatted text does not parse: %w", err)
	}
	if b, a := grammar.Sexp(bt.RootNode(), false), grammar.Sexp(at.RootNode(), false); b != a {
		return fmt.Errorf("tree changed:\nbefore %s\nafter  %s", grammar.NormalizeSexp(b), grammar.NormalizeSexp(a))
	}
	bl, al := tokens(bt.RootNode(), before), tokens(at.RootNode(), after)
	for i := range min(len(bl), len(al)) {
		if !bytes.Equal(bl[i], al[i]) {
			return fmt.Errorf("token %d changed: %q became %q", i, bl[i], al[i])
		}
	}
	if len(bl) != len(al) {
		return fmt.Errorf("%d tokens became %d", len(bl), len(al))
	}
	return nil
}

// tokens lists the leaves under n in order, commas left out and line
// comments without trailing blanks: the text formatting must keep.
func tokens(n *sitter.Node, src []byte) [][]byte {
	var out [][]byte
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	for {
		n := c.CurrentNode()
		text := src[n.StartByte():n.EndByte()]
		switch {
		case n.Type() == grammar.NodeComment:
			out = append(out, commentText(text))
		case c.GoToFirstChild():
			continue
		case n.Type() != ",":
			out = append(out, text)
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				return out
			}
		}
	}
}
