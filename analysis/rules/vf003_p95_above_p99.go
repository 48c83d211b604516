package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "VF003",
		Severity: rule.Warning,
		Title:    "P95 latency bound above the p99 bound",
		Doc: `Warns when a ` + "`benchmark`" + ` block's ` + "`constraints.max_latency_p95`" + ` is larger than its
` + "`constraints.max_latency_p99`" + `.

The 95th percentile of any set of latencies is at most its 99th percentile. So whenever the
p99 bound holds, a larger p95 bound holds too: it can never fail and checks nothing, and the
p99 bound is the one that decides. The two values were most likely swapped.

Fix: swap them (the quick fix exchanges the two values).

Sources: derived from the definition of percentiles (p95 ≤ p99 for every distribution); k6
thresholds on ` + "`http_req_duration`" + ` are evaluated independently.`,
		Block: func(p *rule.BlockPass) {
			if p.Block.Kind.Text != "benchmark" || p.Block.Body == nil {
				return
			}
			v := typed.Of(p.Block)
			p95, span95, ok95 := v.Duration("constraints", "max_latency_p95")
			p99, span99, ok99 := v.Duration("constraints", "max_latency_p99")
			if !ok95 || !ok99 || p95 <= p99 {
				return
			}
			text := p.Block.Text
			p.Report(span95, "p95 can never exceed p99; the p99 bound is the one that binds", rule.BlockFix{
				Title: "Swap the p95 and p99 bounds",
				Edits: []rule.BlockEdit{
					{Span: span95, NewText: text[span99.Start:span99.End]},
					{Span: span99, NewText: text[span95.Start:span95.End]},
				},
			})
		},
	})
}
