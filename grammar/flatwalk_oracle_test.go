package grammar_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// sharedSeedDir holds the draft's examples as the team shares them, next to
// the repository; testdata/seed is the repository's copy, which may lag.
var sharedSeedDir = filepath.Join("..", "..", "shared", "examples", "seed")

// TestFlattenDirectMatchesCursor holds Flatten's direct walk of the
// runtime's trees to the cursor walk it replaced (grammar.FlattenCursor),
// byte for byte: on every input of flatInputs (seeds, corpus cases, the
// fuzz corpus, a generated workspace, seeds cut short and with bytes
// deleted), every .dpl file of the repository's testdata and of the shared
// seeds (when that directory exists), and on random mutations of the whole
// files and corpus cases, which
// produce ERROR and MISSING nodes of every kind. Besides the root, it
// flattens from each node of the first two levels, as Flatten may start
// anywhere.
func TestFlattenDirectMatchesCursor(t *testing.T) {
	in := flatInputs(t)
	for _, dir := range []string{filepath.Join("..", "testdata"), sharedSeedDir} {
		for path, src := range filesUnder(t, dir, ".dpl") {
			in[path] = src
		}
	}
	bases := slices.Sorted(func(yield func(string) bool) {
		for name := range in {
			if !strings.Contains(name, "[") && !strings.Contains(name, "fuzz") {
				if !yield(name) {
					return
				}
			}
		}
	})
	// Nesting deeper than the walk's 64 frames on the C stack makes it
	// grow its stack on the heap.
	in["deep objects"] = []byte("service S {\n" + strings.Repeat("a: {\n", 300) + strings.Repeat("}\n", 300) + "}\n")
	in["deep lists"] = []byte("service S {\n  a: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n}\n")
	r := rand.New(rand.NewPCG(10, 2026))
	for _, name := range bases {
		mutations := 40
		if name == "testgen" {
			mutations = 4
		}
		for i := range mutations {
			in[fmt.Sprintf("%s mutation %d", name, i)] = mutate(r, in[name])
		}
	}
	t.Logf("%d inputs", len(in))
	for name, src := range in {
		root := grammar.Parse(src).RootNode()
		if err := flatDirectDiff(root); err != nil {
			t.Fatalf("%s: %v\n%q", name, err, src)
		}
		for i := range int(root.ChildCount()) {
			c := root.Child(i)
			if err := flatDirectDiff(c); err != nil {
				t.Fatalf("%s, from child %d: %v\n%q", name, i, err, src)
			}
			for j := range int(c.ChildCount()) {
				if err := flatDirectDiff(c.Child(j)); err != nil {
					t.Fatalf("%s, from child %d.%d: %v\n%q", name, i, j, err, src)
				}
			}
		}
	}
}

// filesUnder reads every file under dir whose name ends in one of exts; a
// missing dir has none.
func filesUnder(t *testing.T, dir string, exts ...string) map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && slices.Contains(exts, filepath.Ext(path)) {
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = src
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("reading %s: %v", dir, err)
	}
	return files
}

// mutate returns src with one to four random edits: bytes deleted,
// punctuation and words of the language inserted, a span duplicated.
func mutate(r *rand.Rand, src []byte) []byte {
	pieces := []string{"{", "}", "\"", ":", "=", ",", "\n", " ", "//", "#", "[", "]", "(", ")", "x", "1", "é", "true", "\"s\"", "service", "\t"}
	out := slices.Clone(src)
	for range 1 + r.IntN(4) {
		at := r.IntN(len(out) + 1)
		switch r.IntN(3) {
		case 0:
			end := min(at+1+r.IntN(8), len(out))
			out = slices.Delete(out, at, end)
		case 1:
			out = slices.Insert(out, at, []byte(pieces[r.IntN(len(pieces))])...)
		default:
			end := min(at+r.IntN(20), len(out))
			out = slices.Insert(out, at, slices.Clone(out[at:end])...)
		}
	}
	return out
}

// flatDirectDiff compares Flatten and the cursor oracle on n's subtree as
// bytes, padding included, and describes the first difference.
func flatDirectDiff(n *sitter.Node) error {
	got, want := grammar.Flatten(n).Nodes, grammar.FlattenCursor(n).Nodes
	if len(got) != len(want) {
		return fmt.Errorf("direct walk writes %d nodes, the cursor walk %d", len(got), len(want))
	}
	for i := range got {
		if nodeBytes(&got[i]) != nodeBytes(&want[i]) {
			return fmt.Errorf("node %d: direct %+v, cursor %+v", i, got[i], want[i])
		}
	}
	return nil
}

func nodeBytes(n *grammar.FlatNode) string {
	return string(unsafe.Slice((*byte)(unsafe.Pointer(n)), unsafe.Sizeof(*n)))
}
