package analysis

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dpls-dev/dpls/grammar"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// blockDiags holds one file's block-rule diagnostics, computed once per
// file state. A block that the next state shares by pointer (same text at
// the same offset) keeps its diagnostics, so after an edit only the
// rebuilt and moved blocks are materialized again.
type blockDiags struct {
	once     sync.Once
	done     atomic.Bool
	perBlock [][]rule.Diagnostic
	// from is an earlier state of the file whose diagnostics may be
	// reused; it is dropped once these are computed. The next state reads
	// it while this one may be computing, hence atomic.
	from atomic.Pointer[fileState]
}

// newFileState makes the state of file m that follows cur (nil for a new
// file). It links to the nearest computed state, so a run of snapshots that
// are never analyzed does not keep every older model alive.
func newFileState(m *model.File, doc *grammar.Document, cur *fileState) *fileState {
	fs := &fileState{model: m, doc: doc}
	if cur != nil {
		if cur.diags.done.Load() {
			fs.diags.from.Store(cur)
		} else {
			fs.diags.from.Store(cur.diags.from.Load())
		}
	}
	return fs
}

// blocks returns the block diagnostics of the file, each block's sorted.
func (fs *fileState) blocks() [][]rule.Diagnostic {
	fs.diags.once.Do(func() {
		blocks := fs.model.Blocks
		out := make([][]rule.Diagnostic, len(blocks))
		var prevBlocks []*model.Block
		var prevDiags [][]rule.Diagnostic
		if from := fs.diags.from.Load(); from != nil && from.diags.done.Load() {
			prevBlocks, prevDiags = from.model.Blocks, from.diags.perBlock
		}
		i := 0
		for i < len(blocks) && i < len(prevBlocks) && blocks[i] == prevBlocks[i] {
			out[i] = prevDiags[i]
			i++
		}
		// After the edit, blocks are moved copies sharing their Memo (and
		// so their findings): their diagnostics are the previous ones,
		// moved.
		j := 0
		for j < len(blocks)-i && j < len(prevBlocks)-i {
			b, pb := blocks[len(blocks)-1-j], prevBlocks[len(prevBlocks)-1-j]
			if b.Memo != pb.Memo {
				break
			}
			out[len(blocks)-1-j] = shiftDiags(prevDiags[len(prevBlocks)-1-j], b.Start-pb.Start)
			j++
		}
		forEachParallel(i, len(blocks)-j, func(k int) {
			ds := rule.Materialize(fs.model.Name, blocks[k], blockFindings(blocks[k]))
			sortDiags(ds)
			out[k] = ds
		})
		fs.diags.perBlock = out
		fs.diags.from.Store(nil)
		fs.diags.done.Store(true)
	})
	return fs.diags.perBlock
}

// shiftDiags returns a block's diagnostics moved by delta bytes with the
// block: their spans, related locations and fix edits all lie in it.
func shiftDiags(ds []rule.Diagnostic, delta int) []rule.Diagnostic {
	if delta == 0 || len(ds) == 0 {
		return ds
	}
	out := make([]rule.Diagnostic, len(ds))
	for i, d := range ds {
		d.Span = d.Span.Shift(delta)
		if len(d.Related) > 0 {
			d.Related = slices.Clone(d.Related)
			for k := range d.Related {
				d.Related[k].Span = d.Related[k].Span.Shift(delta)
			}
		}
		if len(d.Fixes) > 0 {
			d.Fixes = slices.Clone(d.Fixes)
			for f := range d.Fixes {
				d.Fixes[f].Edits = slices.Clone(d.Fixes[f].Edits)
				for k := range d.Fixes[f].Edits {
					d.Fixes[f].Edits[k].Span = d.Fixes[f].Edits[k].Span.Shift(delta)
				}
			}
		}
		out[i] = d
	}
	return out
}

// fileDiagnostics is every block rule's finding for the file, the syntax
// errors outside blocks and the cross-block findings in it (cross),
// sorted. The per-block lists are copied once; the others are merged in
// place from the back.
func (fs *fileState) fileDiagnostics(cross []rule.Diagnostic) []rule.Diagnostic {
	f := fs.model
	extra := cross
	if len(f.Stray) > 0 {
		extra = append([]rule.Diagnostic(nil), cross...)
		for _, e := range f.Stray {
			extra = append(extra, rule.Diagnostic{
				Location: rule.Location{File: f.Name, Span: e.Span},
				Severity: rule.Error, Code: rule.SyntaxCode, Message: e.Msg,
			})
		}
	}
	per := fs.blocks()
	n := len(extra)
	for _, ds := range per {
		n += len(ds)
	}
	if n == 0 {
		return nil
	}
	out := make([]rule.Diagnostic, 0, n)
	for _, ds := range per {
		out = append(out, ds...)
	}
	return mergeBack(out, extra)
}

// compareDiags orders diagnostics by position, then code, end and message,
// so the order never depends on how they were collected.
func compareDiags(a, b rule.Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Span.Start, b.Span.Start),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Span.End, b.Span.End),
		cmp.Compare(a.Message, b.Message),
	)
}

func sortDiags(ds []rule.Diagnostic) { slices.SortStableFunc(ds, compareDiags) }

// mergeBack merges extra (unsorted, left as is) into sorted, whose
// capacity must hold both, filling from the back so nothing is copied
// twice.
func mergeBack(sorted, extra []rule.Diagnostic) []rule.Diagnostic {
	if len(extra) == 0 {
		return sorted
	}
	ex := append([]rule.Diagnostic(nil), extra...)
	sortDiags(ex)
	i, j := len(sorted)-1, len(ex)-1
	out := sorted[:len(sorted)+len(ex)]
	for k := len(out) - 1; j >= 0; k-- {
		if i >= 0 && compareDiags(sorted[i], ex[j]) > 0 {
			out[k] = sorted[i]
			i--
		} else {
			out[k] = ex[j]
			j--
		}
	}
	return out
}

// parallelMin is the number of blocks below which checking them on one
// goroutine is cheaper than starting others (an edit re-checks one block).
const parallelMin = 256

// forEachParallel calls fn for every k in [from, to), split over the
// machine's cores when the range is large. fn must only write its own k.
func forEachParallel(from, to int, fn func(k int)) {
	n := to - from
	workers := runtime.GOMAXPROCS(0)
	if n < parallelMin || workers < 2 {
		for k := from; k < to; k++ {
			fn(k)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := from; lo < to; lo += chunk {
		hi := min(lo+chunk, to)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := lo; k < hi; k++ {
				fn(k)
			}
		}()
	}
	wg.Wait()
}
