package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB006",
		Severity: rule.Warning,
		Title:    "Benchmark throughput target above the rate limit of the same service",
		Doc: `Compares ` + "`benchmark N`" + `'s ` + "`constraints.min_throughput`" + ` with
` + "`load_balancer N`" + `'s ` + "`rate_limiting.requests_per_second`" + ` (unless ` + "`rate_limiting.enabled`" + ` is
false).

**Why.** nginx's ` + "`limit_req`" + ` admits requests at the configured rate; ` + "`burst`" + ` only queues (or,
with ` + "`nodelay`" + `, lets through at once) a bounded excess and then rejects. A sustained load above
` + "`requests_per_second`" + ` is rejected, so a benchmark that needs more can only fail, and it fails
by measuring 503s rather than the service.

**Fix.** Raise the rate limit to the target, or lower the target to what the limit admits (both are
quick fixes).

**Sources.** nginx ` + "`ngx_http_limit_req_module`" + `
(https://nginx.org/en/docs/http/ngx_http_limit_req_module.html); the comparison is derived.`,
		Group: checkXB006,
	})
}

func checkXB006(p *rule.GroupPass) {
	for _, b := range p.All("benchmark") {
		bv := typed.Of(b.Block)
		need, needSpan, ok := bv.Number("constraints", "min_throughput")
		if !ok {
			continue
		}
		for _, lb := range p.All("load_balancer") {
			lv := typed.Of(lb.Block)
			if on, _, ok := lv.Bool("rate_limiting", "enabled"); ok && !on {
				continue
			}
			limit, limitSpan, ok := lv.Number("rate_limiting", "requests_per_second")
			if !ok || need <= limit {
				continue
			}
			f := p.Reportf(b, needSpan, "the benchmark needs %s but the rate limit admits %s", units.FormatRate(need), units.FormatRate(limit))
			f.Relate(lb, limitSpan, lb.Block.Label()+" admits "+units.FormatRate(limit))
			f.Fix("Raise requests_per_second to "+xbNum(need), lb, limitSpan, xbNum(need))
			f.Fix("Lower min_throughput to "+units.FormatRate(limit), b, needSpan, strconv.Quote(units.FormatRate(limit)))
		}
	}
}

// xbNum writes a number as DPL source: 1000, 12.5.
func xbNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
