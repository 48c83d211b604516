package model

import (
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// Rebuild is Build after one edit that replaced prev.Src[start:oldEnd]
// with src[start:newEnd]. The top-level items of prev (blocks, comments,
// stray syntax errors) that end before the edit or begin after it are
// reused, those after it moved by the edit's length change; only the
// tree's top-level nodes between them are visited, so the cost follows the
// edit, not the file (Build walks every top-level node through cgo and
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

// split finds, in a list of items sorted by position, how many end before
// start and where those beginning after oldEnd start, and widens w's
// bounds with them.
func split(n int, at func(int) Span, start, oldEnd int, w *window) (before, after int) {
	for before < n && at(before).End < start {
		before++
	}
	if before > 0 {
		w.lo = max(w.lo, at(before-1).End)
	}
	after = n
	for after > before && at(after-1).Start > oldEnd {
		after--
	}
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
// line up with prev at the window's edges.
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
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	more, ok := w.enter(c)
	if !ok {
		return nil, false
	}
	for more {
		n := c.CurrentNode()
		start, end := int(n.StartByte()), int(n.EndByte())
		if w.hasAfter && end > w.hi {
			if start != w.hi || end != w.hiEnd {
				return nil, false
			}
			break
		}
		switch {
		case n.Type() == grammar.NodeBlock:
			f.Blocks = append(f.Blocks, blockFor(n, src, start, end, reuse))
		case n.Type() == grammar.NodeComment:
			f.Comments = append(f.Comments, Span{start, end})
		case grammar.IsSyntaxError(n):
			f.Stray = append(f.Stray, SyntaxError{Span{start, end}, grammar.Describe(n, src)})
		}
		more = c.GoToNextSibling()
	}
	if !more && w.hasAfter {
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

// enter moves c to the first top-level node of the window, and reports
// whether there is one. The node before it must end where the last item
// kept before the window ends, or error recovery folded kept items into a
// new node and ok is false. Tree-sitter's "first child for byte" is the
// first child ending at or after it, which is that last kept item.
func (w window) enter(c *sitter.TreeCursor) (more, ok bool) {
	if c.GoToFirstChildForByte(uint32(w.lo)) < 0 {
		return false, w.lo == 0 || !w.hasAfter
	}
	if w.lo == 0 {
		return true, true
	}
	n := c.CurrentNode()
	if int(n.EndByte()) != w.lo {
		return false, false
	}
	return c.GoToNextSibling(), true
}
