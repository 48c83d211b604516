package lsp

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// allLines returns every line start of m, flat.
func allLines(m *mapper) []int { return m.lines.Between(0, m.lines.Len(), 0, nil) }

// chunkLines is about what grammar.Offsets keeps in a chunk: the text
// below spans several.
const chunkLines = 256

// TestLineIndexSplicedEqualsRebuilt applies random edits — single
// characters, line breaks, deletions across chunk boundaries, pastes of
// many lines, the whole text — to a text of several chunks, and checks
// after each that the spliced index is the one a rebuild gives, line for
// line, and answers every lookup the same. (That an edit leaves the chunks
// after it shared is grammar.Offsets' own test.)
func TestLineIndexSplicedEqualsRebuilt(t *testing.T) {
	var sb strings.Builder
	for i := range 3 * chunkLines {
		sb.WriteString(strings.Repeat("x", i%7))
		sb.WriteString("\n")
	}
	m := newMapper([]byte(sb.String()), utf16)
	rng := rand.New(rand.NewPCG(1, 2))
	paste := strings.Repeat("ab\n", chunkLines+3)
	for step := range 500 {
		start := rng.IntN(len(m.src) + 1)
		end := min(len(m.src), start+[]int{0, 1, 5, 300, 3000}[rng.IntN(5)])
		text := []string{"", "y", "\n", "\n\n", paste}[rng.IntN(5)]
		if step%151 == 150 {
			start, end = 0, len(m.src)
		}
		next, _ := m.apply(start, end, []byte(text), nil)
		fresh := newMapper(next.src, utf16)
		if got, want := allLines(next), allLines(fresh); !equalInts(got, want) {
			t.Fatalf("step %d: apply(%d, %d, %d bytes): %d line starts, want %d", step, start, end, len(text), len(got), len(want))
		}
		for o := 0; o <= len(next.src); o += 1 + rng.IntN(40) {
			l1, s1 := next.lineAt(o)
			l2, s2 := fresh.lineAt(o)
			if l1 != l2 || s1 != s2 || next.lineStart(l1) != s1 {
				t.Fatalf("step %d: lineAt(%d) = %d, %d; rebuilt: %d, %d", step, o, l1, s1, l2, s2)
			}
		}
		m = next
	}
	if bytes.Count(m.src, []byte("\n"))+1 != m.lineCount() {
		t.Fatalf("line count %d, text has %d", m.lineCount(), bytes.Count(m.src, []byte("\n"))+1)
	}
}
