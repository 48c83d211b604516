package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "OB002",
		Severity: rule.Warning,
		Title:    "Alert compares a counter's raw value",
		Doc: `A counter only grows (and resets to zero when the process restarts), so comparing its raw
value with a number says how long the process has been up, not how it is doing:
` + "`fallback_calls > 10`" + ` fires forever once ten fallbacks have ever happened, and stops after a
restart. Prometheus's documentation says to alert on the counter's rate of increase.

Fix: wrap the counter in ` + "`rate(fallback_calls[5m])`" + ` (per-second rate) or
` + "`increase(fallback_calls[5m])`" + ` (count over the window); the quick fix writes the rate form.

Source: Prometheus documentation, "Metric types" and "rate()" (prometheus.io/docs/concepts/metric_types,
prometheus.io/docs/prometheus/latest/querying/functions/#rate).`,
		Group: checkRawCounters,
	})
}

func checkRawCounters(p *rule.GroupPass) {
	metricChecks(p, func(a rule.Ref, u facts.MetricUse, d facts.MetricDecl, owner rule.Ref) {
		if d.Type != "counter" || !u.Compared || u.Range != "" || len(u.Matchers) > 0 {
			return
		}
		p.Report(a, u.Span, fmt.Sprintf("%s is a counter (only grows); alert on rate(%s[5m]) or increase(...)", u.Name(), u.Name())).
			Relate(owner, d.Key.Span, fmt.Sprintf("%s is declared a counter here", d.Name)).
			Fix(fmt.Sprintf("Use rate(%s[5m])", u.Name()), a, u.Span, fmt.Sprintf("rate(%s[5m])", u.Name()))
	})
}
