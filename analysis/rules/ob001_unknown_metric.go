package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "OB001",
		Severity: rule.Error,
		Title:    "Alert condition uses a metric the service does not declare",
		Doc: `Every identifier of an ` + "`alerts`" + ` condition that is a metric (not a function, label or
keyword — the condition is parsed as PromQL) must be declared in the ` + "`metrics`" + ` block of the
same name. A histogram or summary also provides its ` + "`_bucket`" + ` (histograms only), ` + "`_count`" + ` and
` + "`_sum`" + ` series.

An alert over a metric nobody exports never fires: Prometheus evaluates the expression to an
empty vector and stays silent, so a typo in a condition hides exactly the outage the alert was
written for. This is the same check as Istio's IST0101 ReferencedResourceNotFound.

Fix: correct the name (the quick fix offers the closest declared metric), or declare the metric in
` + "`metrics <name>`" + `. Go to definition and rename follow the same links.`,
		Group: checkUnknownMetrics,
	})
}

func checkUnknownMetrics(p *rule.GroupPass) {
	alerts := p.All("alerts")
	if len(alerts) == 0 {
		return
	}
	decls := metricsOf(p)
	names := make([]string, 0, len(decls))
	for _, d := range decls {
		names = append(names, d.Name)
	}
	metrics, haveMetrics := p.Get("metrics")
	for _, a := range alerts {
		for _, u := range facts.MetricUses(a.Block) {
			if _, ok := facts.ResolveMetric(decls, u.Name()); ok {
				continue
			}
			msg := fmt.Sprintf("%s is not a metric of %s", u.Name(), a.Block.Name.Text)
			if !haveMetrics {
				p.Report(a, u.Span, msg+fmt.Sprintf(" (no `metrics %s` block declares any)", a.Block.Name.Text))
				continue
			}
			best, close := schema.Closest(u.Name(), names)
			if close {
				msg += fmt.Sprintf("; did you mean %s?", best)
			}
			f := p.Report(a, u.Span, msg).Relate(metrics, metrics.Block.Name.Span, "metrics declared here")
			if close {
				f.Fix("Change to "+best, a, u.Span, best)
			}
		}
	}
}
