package format

import (
	"bytes"
	"fmt"
	"sort"
)

// diffContext is the number of unchanged lines a hunk shows on each side,
// as `diff -u` does.
const diffContext = 3

// lineRange is a run of lines that changed: old lines [a0, a1) became new
// lines [b0, b1), 0-based.
type lineRange struct{ a0, a1, b0, b1 int }

// Diff renders edits (as Edits returns them for src) as a unified diff of
// the file name, the form `dpls fmt -d` prints and `patch` applies. It
// works from the edits rather than diffing the two texts: formatting only
// changes whitespace between tokens, so the edits already say which lines
// changed.
func Diff(name string, src []byte, edits []Edit) []byte {
	if len(edits) == 0 {
		return nil
	}
	out := Apply(src, edits)
	oldLines, newLines := splitLines(src), splitLines(out)
	var b bytes.Buffer
	fmt.Fprintf(&b, "--- %s.orig\n+++ %s\n", name, name)
	changes := changedLines(src, out, edits, oldLines, newLines)
	for len(changes) > 0 {
		n := hunkSize(changes)
		writeHunk(&b, changes[:n], oldLines, newLines)
		changes = changes[n:]
	}
	return b.Bytes()
}

// changedLines maps edits to the line ranges they change, merging edits
// on the same or adjacent lines and leaving out lines that come out equal.
func changedLines(src, out []byte, edits []Edit, oldLines, newLines [][]byte) []lineRange {
	oldStarts, newStarts := lineStarts(oldLines), lineStarts(newLines)
	var ranges []lineRange
	shift := 0
	for _, e := range edits {
		ns := e.Start + shift
		r := lineRange{
			a0: lineOf(oldStarts, e.Start), a1: min(lineOf(oldStarts, e.End)+1, len(oldLines)),
			b0: lineOf(newStarts, ns), b1: min(lineOf(newStarts, ns+len(e.NewText))+1, len(newLines)),
		}
		shift += len(e.NewText) - (e.End - e.Start)
		if k := len(ranges) - 1; k >= 0 && r.a0 <= ranges[k].a1 {
			ranges[k].a1, ranges[k].b1 = r.a1, r.b1
			continue
		}
		ranges = append(ranges, r)
	}
	kept := ranges[:0]
	for _, r := range ranges {
		if r = trimEqual(r, oldLines, newLines); r.a0 < r.a1 || r.b0 < r.b1 {
			kept = append(kept, r)
		}
	}
	return kept
}

// trimEqual moves lines equal on both sides at either end of r out of it.
func trimEqual(r lineRange, oldLines, newLines [][]byte) lineRange {
	for r.a0 < r.a1 && r.b0 < r.b1 && bytes.Equal(oldLines[r.a0], newLines[r.b0]) {
		r.a0, r.b0 = r.a0+1, r.b0+1
	}
	for r.a0 < r.a1 && r.b0 < r.b1 && bytes.Equal(oldLines[r.a1-1], newLines[r.b1-1]) {
		r.a1, r.b1 = r.a1-1, r.b1-1
	}
	return r
}

// hunkSize is how many of changes one hunk shows: those whose context
// lines would overlap or touch.
func hunkSize(changes []lineRange) int {
	n := 1
	for n < len(changes) && changes[n].a0-changes[n-1].a1 <= 2*diffContext {
		n++
	}
	return n
}

// writeHunk writes one `@@` hunk holding changes with their context.
func writeHunk(b *bytes.Buffer, changes []lineRange, oldLines, newLines [][]byte) {
	first, last := changes[0], changes[len(changes)-1]
	a0 := max(first.a0-diffContext, 0)
	b0 := first.b0 - (first.a0 - a0)
	a1 := min(last.a1+diffContext, len(oldLines))
	b1 := last.b1 + (a1 - last.a1)
	fmt.Fprintf(b, "@@ -%s +%s @@\n", hunkRange(a0, a1), hunkRange(b0, b1))
	at := a0
	for _, c := range changes {
		writeLines(b, ' ', oldLines[at:c.a0])
		writeLines(b, '-', oldLines[c.a0:c.a1])
		writeLines(b, '+', newLines[c.b0:c.b1])
		at = c.a1
	}
	writeLines(b, ' ', oldLines[at:a1])
}

// hunkRange writes `start,count` with a 1-based start; an empty range is
// named by the line before it, as diff does.
func hunkRange(from, to int) string {
	if from == to {
		return fmt.Sprintf("%d,0", from)
	}
	return fmt.Sprintf("%d,%d", from+1, to-from)
}

func writeLines(b *bytes.Buffer, mark byte, lines [][]byte) {
	for _, l := range lines {
		b.WriteByte(mark)
		b.Write(l)
		if !bytes.HasSuffix(l, []byte{'\n'}) {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// splitLines splits text after each newline, keeping it.
func splitLines(text []byte) [][]byte {
	var lines [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n') + 1
		if i == 0 {
			i = len(text)
		}
		lines = append(lines, text[:i])
		text = text[i:]
	}
	return lines
}

func lineStarts(lines [][]byte) []int {
	starts := make([]int, len(lines))
	at := 0
	for i, l := range lines {
		starts[i] = at
		at += len(l)
	}
	return starts
}

// lineOf is the index of the line holding offset; the end of the text
// counts as on the last line, and an empty text has a line 0 of its own.
func lineOf(starts []int, offset int) int {
	return max(sort.Search(len(starts), func(i int) bool { return starts[i] > offset })-1, 0)
}
