package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "OB005",
		Severity: rule.Error,
		Title:    "Metric declared with two types",
		Doc: `A Prometheus metric name has exactly one type: the client libraries refuse to register the
same name twice with different types, and the exposition format allows one ` + "`# TYPE`" + ` line per
name. A ` + "`metrics`" + ` block that declares ` + "`request_count`" + ` as a counter in one group and a gauge in
another describes a service that cannot start (or exports whichever registered first).

Fix: keep one declaration, or give the two metrics different names.

Source: Prometheus exposition formats ("Only one TYPE line may exist for a given metric name")
and client_golang's registry (duplicate descriptors with different types are rejected).`,
		Block: checkMetricTypes,
	})
}

func checkMetricTypes(p *rule.BlockPass) {
	first := map[string]facts.MetricDecl{}
	for _, d := range facts.DeclaredMetrics(p.Block) {
		prev, seen := first[d.Name]
		if !seen {
			first[d.Name] = d
			continue
		}
		if prev.Type != d.Type {
			p.Report(d.TypeSpan, fmt.Sprintf("%s is a %s here and a %s in %s", d.Name, d.Type, prev.Type, prev.Group))
		}
	}
}
