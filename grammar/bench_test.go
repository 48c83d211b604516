package grammar_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

var benchSizes = []int{1000, 10000, 50000}

// bySize runs parse on a generated workspace of each of benchSizes, as a
// sub-benchmark that counts the text's bytes.
func bySize(b *testing.B, parse func(src []byte)) {
	for _, lines := range benchSizes {
		src := testgen.Workspace(lines)
		b.Run(fmt.Sprintf("%dk", lines/1000), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				parse(src)
			}
		})
	}
}

// BenchmarkParse parses a whole workspace-sized file from scratch.
func BenchmarkParse(b *testing.B) {
	bySize(b, func(src []byte) { grammar.Parse(src) })
}

// BenchmarkReparse50k types one character into a string value of a 50k-line
// file, near its start, in its middle and near its end, and reparses
// incrementally, EditFor included. Iterations alternate between inserting
// the character and deleting it again, so each one is a single edit of the
// tree the previous one produced, as when typing.
func BenchmarkReparse50k(b *testing.B) {
	src := testgen.Workspace(50000)
	for _, where := range []struct {
		name string
		frac float64
	}{{"start", 0.01}, {"middle", 0.5}, {"end", 0.99}} {
		b.Run(where.name, func(b *testing.B) {
			pos := stringPosAfter(b, src, int(float64(len(src))*where.frac))
			text := src
			tree := grammar.Parse(text)
			inserted := false
			b.ReportAllocs()
			for b.Loop() {
				var e grammar.Edit
				if inserted {
					e, text = grammar.EditFor(text, pos, pos+1, nil)
				} else {
					e, text = grammar.EditFor(text, pos, pos, []byte("x"))
				}
				inserted = !inserted
				tree = grammar.Reparse(tree, e, text)
			}
			if grammar.FirstSyntaxError(tree.RootNode(), text) != nil {
				b.Fatal("the edits broke the text")
			}
		})
	}
}

// BenchmarkEditFor50k measures EditFor alone, which copies the text: the
// part of BenchmarkReparse50k that is not tree-sitter's.
func BenchmarkEditFor50k(b *testing.B) {
	src := testgen.Workspace(50000)
	pos := stringPosAfter(b, src, len(src)/2)
	b.ReportAllocs()
	for b.Loop() {
		grammar.EditFor(src, pos, pos, []byte("x"))
	}
}

// stringPosAfter returns the offset just inside the first string literal
// that opens after off.
func stringPosAfter(b *testing.B, src []byte, off int) int {
	i := bytes.Index(src[off:], []byte(`: "`))
	if i < 0 {
		b.Fatalf("no string value after byte %d", off)
	}
	return off + i + len(`: "`)
}

// blockAt returns the offset of the block of kind found at fraction frac
// of all blocks of that kind, so that benchmarks at different sizes edit
// the same kind of block: an edit's cost is the cost of parsing its block.
func blockAt(b *testing.B, src []byte, kind string, frac float64) int {
	var at []int
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("\n"+kind+" "))
		if j < 0 {
			break
		}
		at = append(at, i+j+1)
		i += j + 1
	}
	if len(at) == 0 {
		b.Fatalf("no %s block", kind)
	}
	return at[int(frac*float64(len(at)-1))]
}

// BenchmarkFlatten flattens the tree of a 50k-line file: the one cgo call
// through which the model reads a whole tree.
func BenchmarkFlatten50k(b *testing.B) {
	src := testgen.Workspace(50000)
	root := grammar.Parse(src).RootNode()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		grammar.Flatten(root)
	}
}

// BenchmarkDocument parses a whole workspace-sized file as the server
// does: split into blocks, parsed on every core (see Document).
func BenchmarkDocument(b *testing.B) {
	bySize(b, func(src []byte) {
		doc := grammar.Split(src)
		doc.Parse(src, 0, doc.Parts(), func(int, *grammar.Flat) {})
	})
}

// BenchmarkDocumentEdit types one character into a string value of a
// fault_tolerance block near the start, the middle and the end of a 1k-
// and a 50k-line file and back,
// alternating, so each iteration edits the previous result as typing
// does. The two texts are prepared once: what is timed is the document's
// reparse, not the copy of the text an editor's change makes (that is
// BenchmarkEditFor50k).
func BenchmarkDocumentEdit(b *testing.B) {
	for _, lines := range []int{1000, 50000} {
		src := testgen.Workspace(lines)
		for _, where := range []struct {
			name string
			frac float64
		}{{"start", 0}, {"middle", 0.5}, {"end", 1}} {
			b.Run(fmt.Sprintf("%dk/%s", lines/1000, where.name), func(b *testing.B) {
				pos := stringPosAfter(b, src, blockAt(b, src, "fault_tolerance", where.frac))
				typed := append(append(append([]byte(nil), src[:pos]...), 'x'), src[pos:]...)
				doc := grammar.Split(src)
				inserted := false
				b.ReportAllocs()
				for b.Loop() {
					var ch grammar.Change
					text := typed
					if inserted {
						doc, ch = doc.Edit(src, pos, pos+1, pos)
						text = src
					} else {
						doc, ch = doc.Edit(typed, pos, pos, pos+1)
					}
					doc.Parse(text, ch.From, ch.NewTo, func(int, *grammar.Flat) {})
					inserted = !inserted
					if ch.NewTo-ch.From != 1 {
						b.Fatalf("change %+v", ch)
					}
				}
			})
		}
	}
}
