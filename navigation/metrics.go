package navigation

import (
	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
)

// metricOccurrences finds metric declarations in a metrics block (every key
// of a group object whose value is a metric type) and metric uses in the
// conditions of an alerts block. Both are scoped by the normalized block
// name: alerts OrderService refers to metrics OrderService.
func metricOccurrences(w *analysis.Workspace, file string, b *model.Block) []symOcc {
	scope := model.NormalizeName(b.Name.Text)
	var out []symOcc
	add := func(name string, span model.Span, def bool) {
		out = append(out, symOcc{
			Symbol{Kind: SymMetric, Key: name, Scope: scope},
			Occurrence{File: file, Span: b.Abs(span), Def: def},
		})
	}
	switch b.Kind.Text {
	case "metrics":
		for _, d := range facts.DeclaredMetrics(b) {
			add(d.Name, d.Key.Span, true)
		}
	case "alerts":
		decls := facts.MetricsFor(w.Index(), b.Name.Text)
		for _, u := range facts.MetricUses(b) {
			d, ok := facts.ResolveMetric(decls, u.Name())
			if !ok {
				continue
			}
			// A histogram's response_time_bucket names response_time:
			// the occurrence is the declared part, so rename keeps the
			// suffix.
			add(d.Name, model.Span{Start: u.Span.Start, End: u.Span.Start + len(d.Name)}, false)
		}
	}
	return out
}
