package lsp

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// all returns every line start, flat.
func (x *lineIndex) all() []int {
	out := make([]int, 0, x.n)
	for _, c := range x.chunks {
		for i := range c.starts {
			out = append(out, c.start(i))
		}
	}
	return out
}

// TestLineIndexSplicedEqualsRebuilt applies random edits — single
// characters, line breaks, deletions across chunk boundaries, pastes of
// many lines, the whole text — to a text of several chunks, and checks
// after each that the spliced index is the one a rebuild gives, line for
// line, and answers every lookup the same. It also checks that an edit
// leaves the chunks after it shared with the old index.
func TestLineIndexSplicedEqualsRebuilt(t *testing.T) {
	var sb strings.Builder
	for i := range 3 * lineChunkSize {
		sb.WriteString(strings.Repeat("x", i%7))
		sb.WriteString("\n")
	}
	m := newMapper([]byte(sb.String()), utf16)
	rng := rand.New(rand.NewPCG(1, 2))
	paste := strings.Repeat("ab\n", lineChunkSize+3)
	for step := range 500 {
		start := rng.IntN(len(m.src) + 1)
		end := min(len(m.src), start+[]int{0, 1, 5, 300, 3000}[rng.IntN(5)])
		text := []string{"", "y", "\n", "\n\n", paste}[rng.IntN(5)]
		if step%151 == 150 {
			start, end = 0, len(m.src)
		}
		next, _ := m.apply(start, end, []byte(text))
		fresh := newMapper(next.src, utf16)
		if got, want := next.lines.all(), fresh.lines.all(); !equalInts(got, want) {
			t.Fatalf("step %d: apply(%d, %d, %d bytes): %d line starts, want %d", step, start, end, len(text), len(got), len(want))
		}
		for _, c := range next.lines.chunks {
			if len(c.starts) == 0 {
				t.Fatalf("step %d: empty chunk", step)
			}
		}
		for o := 0; o <= len(next.src); o += 1 + rng.IntN(40) {
			l1, s1 := next.lines.lineAt(o)
			l2, s2 := fresh.lines.lineAt(o)
			if l1 != l2 || s1 != s2 || next.lineStart(l1) != s1 {
				t.Fatalf("step %d: lineAt(%d) = %d, %d; rebuilt: %d, %d", step, o, l1, s1, l2, s2)
			}
		}
		if start > 0 && end < len(m.src)-4*lineChunkSize*4 && len(text) < 10 {
			last, nextLast := m.lines.chunks[len(m.lines.chunks)-1], next.lines.chunks[len(next.lines.chunks)-1]
			if &last.starts[0] != &nextLast.starts[0] {
				t.Fatalf("step %d: an edit far before the last chunk copied it", step)
			}
		}
		m = next
	}
	if bytes.Count(m.src, []byte("\n"))+1 != m.lineCount() {
		t.Fatalf("line count %d, text has %d", m.lineCount(), bytes.Count(m.src, []byte("\n"))+1)
	}
}
