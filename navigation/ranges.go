package navigation

import (
	"bytes"

	"github.com/dpls-dev/dpls/analysis/model"
)

// FoldKind says what a folding range folds.
type FoldKind int

const (
	FoldRegion FoldKind = iota + 1
	FoldComment
)

// Fold is a foldable range (absolute offsets of its first and last byte).
type Fold struct {
	Span model.Span
	Kind FoldKind
}

// FoldingRanges returns the foldable ranges of a file: blocks, multi-line
// objects and arrays, and multi-line comments.
func FoldingRanges(f *model.File) []Fold {
	if f == nil {
		return nil
	}
	var out []Fold
	multi := func(s model.Span) bool { return bytes.IndexByte(f.Src[s.Start:s.End], '\n') >= 0 }
	for _, c := range f.Comments {
		if multi(c) {
			out = append(out, Fold{Span: c, Kind: FoldComment})
		}
	}
	for _, b := range f.Blocks {
		if b.Body != nil && multi(b.Abs(b.Body.Span)) {
			out = append(out, Fold{Span: b.Abs(b.Span()), Kind: FoldRegion})
			out = append(out, nestedFolds(b, b.Body, multi)...)
		}
		for _, c := range b.Comments {
			if multi(b.Abs(c)) {
				out = append(out, Fold{Span: b.Abs(c), Kind: FoldComment})
			}
		}
	}
	return out
}

func nestedFolds(b *model.Block, o *model.Object, multi func(model.Span) bool) []Fold {
	var out []Fold
	for _, m := range o.Members {
		switch v := m.Value.(type) {
		case *model.Object:
			if s := b.Abs(v.Span); multi(s) {
				out = append(out, Fold{Span: b.Abs(m.Span), Kind: FoldRegion})
				out = append(out, nestedFolds(b, v, multi)...)
			}
		case *model.Array:
			if s := b.Abs(v.Span); multi(s) {
				out = append(out, Fold{Span: b.Abs(m.Span), Kind: FoldRegion})
			}
		}
	}
	return out
}

// SelectionRanges returns, for each offset, the chain of ever larger spans
// around it (innermost first): the token, its member, enclosing objects and
// members, the block.
func SelectionRanges(f *model.File, offsets []int) [][]model.Span {
	out := make([][]model.Span, len(offsets))
	for i, off := range offsets {
		out[i] = selectionAt(f, off)
	}
	return out
}

func selectionAt(f *model.File, offset int) []model.Span {
	if f == nil {
		return nil
	}
	c := f.Find(offset)
	if c.Block == nil {
		return []model.Span{{Start: offset, End: offset}}
	}
	b := c.Block
	var chain []model.Span
	push := func(s model.Span) {
		s = b.Abs(s)
		if n := len(chain); n == 0 || chain[n-1] != s {
			chain = append(chain, s)
		}
	}
	switch c.On {
	case model.TouchKind:
		push(b.Kind.Span)
	case model.TouchName:
		push(b.Name.Span)
	case model.TouchValue:
		if c.Value != nil {
			push(c.Value.ValueSpan())
		}
	case model.TouchKey:
		push(c.Member().Key.Span)
	}
	for i := len(c.Members) - 1; i >= 0; i-- {
		m := c.Members[i]
		push(m.Value.ValueSpan())
		push(m.Span)
	}
	if b.Body != nil {
		push(b.Body.Span)
	}
	push(b.Span())
	// A value nested in an array sits inside its member's value; the chain
	// must grow outward, so drop any entry that does not contain the last.
	return growing(chain)
}

// growing keeps the spans that contain their predecessor.
func growing(chain []model.Span) []model.Span {
	var out []model.Span
	for _, s := range chain {
		if n := len(out); n > 0 && (s.Start > out[n-1].Start || s.End < out[n-1].End) {
			continue
		}
		out = append(out, s)
	}
	return out
}
