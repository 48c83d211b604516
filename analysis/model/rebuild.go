package model

import (
	"sort"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// Rebuild is Build after one edit that replaced prev.Src[start:oldEnd]
// with src[start:newEnd]. The top-level items of prev (blocks, comments,
// stray syntax errors) that end before the edit or begin after it are
// reused, those after it moved by the edit's length change; only the
// tree's top-level nodes between them are flattened and visited, so the
// cost follows the edit, not the file (Build flattens the whole tree and
// copies every block's text).
//
// The tree must agree with prev around the edit: the node before the
// window must be prev's last item before it, and the first node at or
// after the window's end must be prev's first item after it, moved. When
// error recovery regrouped the top level differently, Rebuild falls back to
// Build.
func Rebuild(name string, src []byte, root *sitter.Node, prev *File, start, oldEnd, newEnd int) *File {
	if prev == nil || start > oldEnd || oldEnd > len(prev.Src) || newEnd > len(src) {
		return Build(name, src, root, prev)
	}
	w := windowOf(prev, start, oldEnd, newEnd-oldEnd)
	f, ok := w.rebuild(name, src, root)
	if !ok {
		return Build(name, src, root, prev)
	}
	return f
}

// window splits prev's top-level items around an edit. Before holds the
// items ending before start, after those beginning after oldEnd (in old
// coordinates); the rest are in the window and are rebuilt from the tree.
type window struct {
	prev  *File
	delta int
	// Counts of items before and the index of the first item after, per
	// list.
	blocksBefore, blocksAfter     int
	commentsBefore, commentsAfter int
	strayBefore, strayAfter       int
	// lo is the end of the last item before (new coordinates, which equal
	// the old there); hi the start of the first item after, moved; hiEnd
	// its end, moved.
	lo, hi, hiEnd int
	hasAfter      bool
}

func windowOf(prev *File, start, oldEnd, delta int) window {
	w := window{prev: prev, delta: delta, hi: -1}
	w.blocksBefore, w.blocksAfter = split(len(prev.Blocks), func(i int) Span {
		b := prev.Blocks[i]
		return Span{b.Start, b.Start + b.Len}
	}, start, oldEnd, &w)
	w.commentsBefore, w.commentsAfter = split(len(prev.Comments), func(i int) Span { return prev.Comments[i] }, start, oldEnd, &w)
	w.strayBefore, w.strayAfter = split(len(prev.Stray), func(i int) Span { return prev.Stray[i].Span }, start, oldEnd, &w)
	return w
}

// split finds, in a list of items sorted by position (and not
// overlapping, so their ends are sorted too), how many end before start
// and where those beginning after oldEnd start, and widens w's bounds with
// them. It searches rather than scans: a file holds thousands of items and
// an edit touches a few.
func split(n int, at func(int) Span, start, oldEnd int, w *window) (before, after int) {
	before = sort.Search(n, func(i int) bool { return at(i).End >= start })
	if before > 0 {
		w.lo = max(w.lo, at(before-1).End)
	}
	after = before + sort.Search(n-before, func(i int) bool { return at(before+i).Start > oldEnd })
	if after < n {
		s := at(after)
		if !w.hasAfter || s.Start+w.delta < w.hi {
			w.hi, w.hiEnd, w.hasAfter = s.Start+w.delta, s.End+w.delta, true
		}
	}
	return before, after
}

// rebuild converts the tree's top-level nodes in the window and joins
// them with prev's items around it; ok is false when the tree does not
// line up with prev at the window's edges. Only the window's nodes are
// flattened: grammar.FlattenTop starts at the node that ends the last item
// kept before the window (tree-sitter's "first child for byte" is the first
// child ending at or after it) and stops after the first node ending past
// the window.
func (w window) rebuild(name string, src []byte, root *sitter.Node) (*File, bool) {
	f := &File{Name: name, Src: src}
	p := w.prev
	// Room for the window growing by a few items, so that appending the
	// kept items does not copy them again.
	f.Blocks = append(make([]*Block, 0, len(p.Blocks)+4), p.Blocks[:w.blocksBefore]...)
	f.Comments = append(make([]Span, 0, len(p.Comments)+4), p.Comments[:w.commentsBefore]...)
	f.Stray = append(make([]SyntaxError, 0, len(p.Stray)+4), p.Stray[:w.strayBefore]...)

	reuse := map[string]*Block{}
	for _, b := range p.Blocks[w.blocksBefore:w.blocksAfter] {
		reuse[b.Text] = b
	}
	to := ^uint32(0)
	if w.hasAfter {
		to = uint32(w.hi)
	}
	fl := grammar.FlattenTop(root, uint32(w.lo), to)
	i, ok := w.enter(fl)
	if !ok {
		return nil, false
	}
	for ; i >= 0; i = fl.NextSibling(i) {
		n := &fl.Nodes[i]
		start, end := int(n.StartByte), int(n.EndByte)
		if w.hasAfter && end > w.hi {
			if start != w.hi || end != w.hiEnd {
				return nil, false
			}
			break
		}
		f.addTop(fl, i, reuse)
	}
	if i < 0 && w.hasAfter {
		return nil, false
	}
	for _, b := range p.Blocks[w.blocksAfter:] {
		if w.delta != 0 {
			moved := *b
			moved.Start += w.delta
			b = &moved
		}
		f.Blocks = append(f.Blocks, b)
	}
	for _, s := range p.Comments[w.commentsAfter:] {
		f.Comments = append(f.Comments, s.Shift(w.delta))
	}
	for _, e := range p.Stray[w.strayAfter:] {
		f.Stray = append(f.Stray, SyntaxError{e.Span.Shift(w.delta), e.Msg})
	}
	return f, true
}

// enter returns the first top-level node of the window in fl (-1 for
// none). The node before it must end where the last item kept before the
// window ends, or error recovery folded kept items into a new node and ok
// is false.
func (w window) enter(fl *grammar.Flat) (first int, ok bool) {
	first = fl.FirstChild(0)
	if first < 0 {
		return -1, w.lo == 0 || !w.hasAfter
	}
	if w.lo == 0 {
		return first, true
	}
	if int(fl.Nodes[first].EndByte) != w.lo {
		return -1, false
	}
	return fl.NextSibling(first), true
}
