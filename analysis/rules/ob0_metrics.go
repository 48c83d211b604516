package rules

import (
	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// metricsOf is every metric declared by the `metrics` blocks of a group.
func metricsOf(p *rule.GroupPass) []facts.MetricDecl {
	var out []facts.MetricDecl
	for _, r := range p.All("metrics") {
		out = append(out, facts.DeclaredMetrics(r.Block)...)
	}
	return out
}

// metricChecks runs check over every metric use of the group's alerts
// blocks that resolves to a declaration.
func metricChecks(p *rule.GroupPass, check func(alerts rule.Ref, u facts.MetricUse, d facts.MetricDecl, declaredIn rule.Ref)) {
	var decls []facts.MetricDecl
	var owners []rule.Ref
	for _, r := range p.All("metrics") {
		for _, d := range facts.DeclaredMetrics(r.Block) {
			decls = append(decls, d)
			owners = append(owners, r)
		}
	}
	for _, a := range p.All("alerts") {
		for _, u := range facts.MetricUses(a.Block) {
			d, ok := facts.ResolveMetric(decls, u.Name())
			if !ok {
				continue
			}
			for i := range decls {
				if decls[i] == d {
					check(a, u, d, owners[i])
					break
				}
			}
		}
	}
}
