package grammar_test

import (
	"runtime"
	"testing"

	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// TestReparseChain types and deletes characters in a large file, reparsing
// each time from the tree the previous reparse produced, as the server does,
// while the garbage collector runs. The old tree's finalizer must not free it
// while tree-sitter still reads it (it once did: an assertion failure in
// ts_subtree_retain).
func TestReparseChain(t *testing.T) {
	src := testgen.Workspace(50000)
	pos := len(src) / 2
	for src[pos-1] != '"' {
		pos++
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	}()
	tree := grammar.Parse(src)
	text := src
	for i := range 200 {
		var e grammar.Edit
		if i%2 == 0 {
			e, text = grammar.EditFor(text, pos, pos, []byte("x"))
		} else {
			e, text = grammar.EditFor(text, pos, pos+1, nil)
		}
		tree = grammar.Reparse(tree, e, text)
	}
	if got, want := grammar.Sexp(tree.RootNode(), true), grammar.Sexp(grammar.Parse(text).RootNode(), true); got != want {
		t.Error("tree after 200 reparses differs from a fresh parse")
	}
}
