package rule

import (
	"maps"

	"github.com/dpls-dev/dpls/analysis/model"
)

// memoOverlay is what Patch changed in byMemo, which a patched index shares
// with the index it was patched from: the memos of rebuilt blocks, added
// at their position, and the memos they replaced.
type memoOverlay struct {
	added map[*model.Memo]int32
	gone  map[*model.Memo]bool
}

// maxOverlay bounds an overlay; a larger one is folded into a fresh map,
// so a lookup never reads more than one small map before the shared one.
const maxOverlay = 256

// Patch returns the index of the workspace where file's blocks are blocks,
// derived from x instead of built again. It applies when the file keeps
// its number of blocks and every block that differs from x's (by pointer)
// keeps its kind and name: an edit inside one block's values, which also
// moves every block after it when it changes the text's length. The
// tables hold positions, which such an edit does not change, so the cost
// is copying the list of all blocks. Otherwise Patch reports false and the
// caller builds a new index.
func (x *Index) Patch(file string, blocks []*model.Block) (*Index, bool) {
	span, ok := x.files[file]
	if !ok || span[1]-span[0] != len(blocks) {
		return nil, false
	}
	old := x.all[span[0]:span[1]]
	for i, b := range blocks {
		o := old[i].Block
		if o != b && (o.Kind.Text != b.Kind.Text || o.Name.Text != b.Name.Text) {
			return nil, false
		}
	}
	next := &Index{
		all: append([]Ref(nil), x.all...), byKind: x.byKind, byName: x.byName, byNorm: x.byNorm,
		byMemo: x.byMemo, groups: x.groups, files: x.files, over: x.over,
	}
	var remapped []int
	for i, b := range blocks {
		if o := old[i].Block; o != b {
			next.all[span[0]+i] = Ref{File: file, Block: b}
			if o.Memo != b.Memo {
				remapped = append(remapped, i)
			}
		}
	}
	if len(remapped) > 0 {
		// Removals first: a memo may move to another slot of the file
		// (two blocks swapped by one edit).
		next.over = next.over.clone()
		for _, i := range remapped {
			delete(next.over.added, old[i].Block.Memo)
			next.over.gone[old[i].Block.Memo] = true
		}
		for _, i := range remapped {
			delete(next.over.gone, blocks[i].Memo)
			next.over.added[blocks[i].Memo] = int32(span[0] + i)
		}
	}
	if next.over != nil && len(next.over.added)+len(next.over.gone) > maxOverlay {
		next.fold()
	}
	return next, true
}

// clone copies an overlay (nil gives an empty one).
func (o *memoOverlay) clone() *memoOverlay {
	c := &memoOverlay{added: map[*model.Memo]int32{}, gone: map[*model.Memo]bool{}}
	if o != nil {
		maps.Copy(c.added, o.added)
		maps.Copy(c.gone, o.gone)
	}
	return c
}

// fold writes the overlay into a copy of the shared map.
func (x *Index) fold() {
	m := maps.Clone(x.byMemo)
	for memo := range x.over.gone {
		delete(m, memo)
	}
	maps.Copy(m, x.over.added)
	x.byMemo, x.over = m, nil
}
