package format

// Edit replaces the bytes src[Start:End] with NewText. Offsets are bytes of
// the original text; the LSP layer converts them to positions.
type Edit struct {
	Start, End int
	NewText    string
}

// Edits returns the edits that turn src into Source(src): one per gap
// between two tokens whose whitespace (or optional commas) changes, trimmed
// to the bytes that differ. Tokens themselves are never inside an edit, so
// an editor keeps the cursor and marks where they were. Edits are sorted
// and do not overlap.
func Edits(src []byte, opts Options) ([]Edit, error) {
	f, err := layout(src, opts)
	if err != nil {
		return nil, err
	}
	return f.gapEdits(0, len(f.p.spans)), nil
}

// Range returns the edits that format the top-level blocks intersecting
// src[start:end] (the block under the cursor when start == end) and leaves
// the rest of the file, the whitespace around those blocks included, alone.
// A file with a syntax error anywhere is refused as Source refuses it.
func Range(src []byte, start, end int, opts Options) ([]Edit, error) {
	f, err := layout(src, opts)
	if err != nil {
		return nil, err
	}
	var edits []Edit
	for _, b := range f.blocks {
		if intersects(b, start, end) {
			// Gaps first+1 … last lie between two tokens of the block.
			edits = append(edits, f.gapEdits(b.first+1, b.last)...)
		}
	}
	return edits, nil
}

func intersects(b blockSpans, start, end int) bool {
	if start == end {
		return b.start <= start && start <= b.end
	}
	return b.start < end && start < b.end
}

// gapEdits returns the edits for gaps from … to, where gap g is the text
// before token g and gap len(spans) is the text after the last token.
func (f *formatter) gapEdits(from, to int) []Edit {
	var edits []Edit
	for g := from; g <= to; g++ {
		srcStart, outStart := 0, 0
		if g > 0 {
			srcStart, outStart = f.p.spans[g-1].srcEnd, f.p.spans[g-1].outEnd
		}
		srcEnd, outEnd := len(f.src), len(f.p.out)
		if g < len(f.p.spans) {
			srcEnd, outEnd = f.p.spans[g].srcStart, f.p.spans[g].outStart
		}
		if e, changed := diffGap(f.src[srcStart:srcEnd], f.p.out[outStart:outEnd]); changed {
			e.Start += srcStart
			e.End += srcStart
			edits = append(edits, e)
		}
	}
	return edits
}

// diffGap returns the edit turning old into new with their common prefix
// and suffix left out. new is ASCII (whitespace and commas), so the bytes
// kept on either side of the edit end on a character boundary of old too.
func diffGap(old, new []byte) (Edit, bool) {
	if string(old) == string(new) {
		return Edit{}, false
	}
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	return Edit{Start: p, End: len(old) - s, NewText: string(new[p : len(new)-s])}, true
}

// Apply returns src with edits applied; edits must be sorted and must not
// overlap, as Edits and Range return them.
func Apply(src []byte, edits []Edit) []byte {
	out := make([]byte, 0, len(src))
	at := 0
	for _, e := range edits {
		out = append(out, src[at:e.Start]...)
		out = append(out, e.NewText...)
		at = e.End
	}
	return append(out, src[at:]...)
}
