package navigation

import (
	"github.com/dpls-dev/dpls/analysis/model"
)

// metricOccurrences finds metric declarations in a metrics block: every key
// of a group object whose value is a metric type.
func metricOccurrences(file string, b *model.Block) []symOcc {
	if b.Kind.Text != "metrics" || b.Body == nil {
		return nil
	}
	var out []symOcc
	for _, group := range b.Body.Members {
		g, ok := group.Value.(*model.Object)
		if !ok {
			continue
		}
		for _, m := range g.Members {
			if _, isStr := m.Value.(*model.String); isStr {
				out = append(out, symOcc{
					Symbol{Kind: SymMetric, Key: m.Key.Text, Scope: b.Name.Text},
					Occurrence{File: file, Span: b.Abs(m.Key.Span), Def: true},
				})
			}
		}
	}
	return out
}
