// Package inlay computes inlay hints: the facts a reader would otherwise
// work out by hand, shown after the value they follow — `quorum 3 ·
// tolerates 1` after `nodes: 4`, a retry policy's worst-case time, and a
// duration's normalized form where it reads differently ("90s" → 1m30s).
// Hints are editor-neutral (absolute offsets); the LSP layer converts.
package inlay

import (
	"cmp"
	"slices"
	"time"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// Hint is one inlay hint, shown at Offset (just after a value).
type Hint struct {
	Offset  int
	Label   string
	Tooltip string
}

// Hints returns the hints of file whose offset lies in within, in offset
// order: a block's computed facts and its duration hints are gathered in
// two passes, and editors (and the LSP spec's readers) expect hints in
// document order.
func Hints(w *analysis.Workspace, file string, within model.Span) []Hint {
	f := w.File(file)
	if f == nil {
		return nil
	}
	var out []Hint
	for _, b := range f.Blocks {
		if b.Body == nil || b.Start > within.End || b.Start+b.Len < within.Start {
			continue
		}
		for _, h := range blockHints(b) {
			if h.Offset >= within.Start && h.Offset <= within.End {
				out = append(out, h)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Hint) int { return cmp.Compare(a.Offset, b.Offset) })
	return out
}

func blockHints(b *model.Block) []Hint {
	v := typed.Of(b)
	var out []Hint
	add := func(s model.Span, label, tip string) {
		out = append(out, Hint{Offset: b.Abs(s).End, Label: label, Tooltip: tip})
	}
	switch b.Kind.Text {
	case "consistency":
		if c, ok := facts.ClusterOf(v); ok {
			val, _ := v.Get("nodes")
			add(val.Span(), c.String(), "majority quorum of the cluster, and how many nodes may fail while it keeps working")
		}
	case "fault_tolerance":
		if wc, ok := facts.WorstCase(v); ok {
			val, _ := v.Get("retry")
			add(val.Node.ValueSpan(), "worst case "+units.FormatDuration(wc.Total), wc.String())
		}
	}
	durationHints(b, b.Body, nil, add)
	return out
}

// durationHints shows a duration's normalized form when it is written in a
// way that takes arithmetic to read ("90s", "1500ms").
func durationHints(b *model.Block, o *model.Object, path []string, add func(model.Span, string, string)) {
	v := typed.Of(b)
	for _, m := range o.Members {
		p := append(append([]string(nil), path...), m.Key.Text)
		switch n := m.Value.(type) {
		case *model.Object:
			durationHints(b, n, p, add)
		case *model.String:
			d, span, ok := v.Duration(p...)
			if ok && readsDifferently(n.Value, d) {
				add(span, "= "+units.FormatDuration(d), "")
			}
		}
	}
}

func readsDifferently(written string, d time.Duration) bool {
	return d > 0 && units.FormatDuration(d) != written
}
