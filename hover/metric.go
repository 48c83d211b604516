package hover

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
)

// metricAt describes the metric name under a block-relative offset of an
// alerts block's condition: its type, where it is declared, and how a
// condition should read it. The span is the name, not the whole string.
func metricAt(w *analysis.Workspace, b *model.Block, rel int) (string, model.Span, bool) {
	if b.Kind.Text != "alerts" {
		return "", model.Span{}, false
	}
	for _, u := range facts.MetricUses(b) {
		if !u.Span.Contains(rel) {
			continue
		}
		var d doc
		decl, ok := facts.ResolveMetric(facts.MetricsFor(w.Index(), b.Name.Text), u.Name())
		if !ok {
			d.title("`" + u.Name() + "` · undeclared metric")
			d.para(fmt.Sprintf("No `metrics %s` block declares it, so the alert can never fire.", b.Name.Text))
			return d.String(), u.Span, true
		}
		d.title(fmt.Sprintf("`%s` · %s", u.Name(), decl.Type))
		if decl.Name != u.Name() {
			d.para(fmt.Sprintf("A series of the %s `%s`.", decl.Type, decl.Name))
		}
		d.para(fmt.Sprintf("Declared in `metrics %s`, group `%s`.", b.Name.Text, decl.Group))
		d.para(metricAdvice(decl))
		return d.String(), u.Span, true
	}
	return "", model.Span{}, false
}

func metricAdvice(d facts.MetricDecl) string {
	switch d.Type {
	case "counter":
		return "A counter only grows: compare `rate(" + d.Name + "[5m])` or `increase(" + d.Name + "[5m])`, not its raw value."
	case "histogram":
		return "Compare a quantile: `histogram_quantile(0.99, sum by (le) (rate(" + d.Name + "_bucket[5m])))`."
	case "summary":
		return "Compare a quantile series (`" + d.Name + "{quantile=\"0.99\"}`) or the mean `rate(" + d.Name + "_sum[5m]) / rate(" + d.Name + "_count[5m])`."
	}
	return "A gauge goes up and down: compare its value directly."
}
