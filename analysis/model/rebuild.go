package model

import (
	"sort"

	"github.com/dpls-dev/dpls/grammar"
)

// Rebuild is Build after one edit of prev's text, whose document is old:
// the edit replaced bytes [start, oldEnd) of it with src[start:newEnd].
// The items of prev (blocks, comments, stray syntax errors) in the parts
// the edit left alone are kept, those after it moved by the edit's length
// change, and only the parts the edit touched are parsed and converted —
// so the cost follows the edit, not the file. A block of a new part whose
// text equals one of the replaced blocks keeps that block's model, as in
// Build.
func Rebuild(name string, src []byte, prev *File, old *grammar.Document, start, oldEnd, newEnd int) (*File, *grammar.Document) {
	doc, ch := old.Edit(src, start, oldEnd, newEnd)
	lo, hi := replaced(old, ch)
	before := func(s Span) bool { return s.Start < lo }
	after := func(s Span) bool { return s.Start >= hi }

	f := &File{Name: name, Src: src}
	bBefore, bAfter := cut(len(prev.Blocks), func(i int) Span { b := prev.Blocks[i]; return Span{b.Start, b.Start + b.Len} }, before, after)
	cBefore, cAfter := cut(len(prev.Comments), func(i int) Span { return prev.Comments[i] }, before, after)
	sBefore, sAfter := cut(len(prev.Stray), func(i int) Span { return prev.Stray[i].Span }, before, after)

	// Room for the edit adding a few items, so that appending the kept
	// items does not copy them again.
	f.Blocks = append(make([]*Block, 0, len(prev.Blocks)+4), prev.Blocks[:bBefore]...)
	f.Comments = append(make([]Span, 0, len(prev.Comments)+4), prev.Comments[:cBefore]...)
	f.Stray = append(make([]SyntaxError, 0, len(prev.Stray)+4), prev.Stray[:sBefore]...)

	reuse := reuserOf(prev.Blocks[bBefore:bAfter])
	parts := make([]partItems, ch.NewTo-ch.From)
	doc.Parse(src, ch.From, ch.NewTo, func(k int, fl *grammar.Flat) {
		s, e := doc.Part(k)
		parts[k-ch.From] = convertPart(fl, src, s, e, reuse)
	})
	f.add(parts)

	if ch.Delta == 0 {
		f.Blocks = append(f.Blocks, prev.Blocks[bAfter:]...)
	} else {
		// The blocks after the edit move: copies in one allocation, not
		// one each (a keystroke near the top of a large file moves
		// thousands).
		moved := make([]Block, len(prev.Blocks)-bAfter)
		for k, b := range prev.Blocks[bAfter:] {
			moved[k] = *b
			moved[k].Start += ch.Delta
			f.Blocks = append(f.Blocks, &moved[k])
		}
	}
	for _, s := range prev.Comments[cAfter:] {
		f.Comments = append(f.Comments, s.Shift(ch.Delta))
	}
	for _, e := range prev.Stray[sAfter:] {
		f.Stray = append(f.Stray, SyntaxError{e.Span.Shift(ch.Delta), e.Msg})
	}
	return f, doc
}

// replaced returns the byte range, in the old text, of the parts a change
// replaced: [lo, hi), empty where the change only inserted parts.
func replaced(old *grammar.Document, ch grammar.Change) (lo, hi int) {
	if ch.From < old.Parts() {
		lo, _ = old.Part(ch.From)
	} else {
		_, lo = old.Part(old.Parts() - 1)
	}
	hi = lo
	if ch.To > ch.From {
		_, hi = old.Part(ch.To - 1)
	}
	return lo, hi
}

// cut splits a list of items sorted by position: how many come before
// the replaced range, and where those after it begin. Every item lies in
// one part, so it starts inside the range or on one side of it; it
// searches rather than scans, as a file holds thousands of items.
func cut(n int, at func(int) Span, before, after func(Span) bool) (b, a int) {
	b = sort.Search(n, func(i int) bool { return !before(at(i)) })
	a = b + sort.Search(n-b, func(i int) bool { return after(at(b + i)) })
	return b, a
}
