package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "OB003",
		Severity: rule.Warning,
		Title:    "Alert compares a histogram or summary directly",
		Doc: `A histogram or summary is not one number: it is exported as ` + "`_bucket`" + `, ` + "`_count`" + ` and
` + "`_sum`" + ` series (a summary as quantiles, ` + "`_count`" + ` and ` + "`_sum`" + `), so ` + "`response_time > 0.5`" + ` selects
no series that means "latency" and the alert never fires as intended.

Fix: compare a quantile, for a histogram
` + "`histogram_quantile(0.99, sum by (le) (rate(response_time_bucket[5m]))) > 0.5`" + `; the quick fix
writes that form for histograms. For a summary, select its quantile label or compare the mean
` + "`rate(x_sum[5m]) / rate(x_count[5m])`" + `.

Source: Prometheus documentation, "Histograms and summaries"
(prometheus.io/docs/practices/histograms).`,
		Group: checkRawHistograms,
	})
}

func checkRawHistograms(p *rule.GroupPass) {
	metricChecks(p, func(a rule.Ref, u facts.MetricUse, d facts.MetricDecl, owner rule.Ref) {
		if (d.Type != "histogram" && d.Type != "summary") || u.Name() != d.Name || u.InCall != "" || selectsQuantile(u) {
			return
		}
		hint := "histogram_quantile(0.99, …)"
		if d.Type == "summary" {
			hint = fmt.Sprintf("%s{quantile=\"0.99\"}", d.Name)
		}
		f := p.Report(a, u.Span, fmt.Sprintf("%s is a %s; compare a quantile: %s", u.Name(), d.Type, hint)).
			Relate(owner, d.Key.Span, fmt.Sprintf("%s is declared a %s here", d.Name, d.Type))
		if d.Type == "histogram" && u.Range == "" && len(u.Matchers) == 0 {
			f.Fix("Compare the 99th percentile", a, u.Span,
				fmt.Sprintf("histogram_quantile(0.99, sum by (le) (rate(%s_bucket[5m])))", u.Name()))
		}
	})
}

// selectsQuantile reports whether a summary's selector picks one of its
// quantile series, which is a plain gauge-like number.
func selectsQuantile(u facts.MetricUse) bool {
	for _, m := range u.Matchers {
		if m.Label == "quantile" {
			return true
		}
	}
	return false
}
