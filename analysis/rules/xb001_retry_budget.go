package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// xbBound is one end-to-end bound a fault_tolerance policy of the
// same name must meet.
type xbBound struct {
	kind string
	path []string
}

// xb001Bounds are the bounds of rules.md's XB001 row, in report order.
var xb001Bounds = []xbBound{
	{"verify_fault_tolerance", []string{"constraints", "max_response_time"}},
	{"benchmark", []string{"constraints", "max_latency_p99"}},
}

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB001",
		Severity: rule.Warning,
		Title:    "Worst-case retry latency exceeds the latency bound of the same service",
		Doc: `Compares the worst case of a ` + "`fault_tolerance`" + ` block's retry policy with the bounds the
same service promises elsewhere: ` + "`verify_fault_tolerance N`" + ` ` + "`constraints.max_response_time`" + ` and
` + "`benchmark N`" + ` ` + "`constraints.max_latency_p99`" + `.

**Why.** ` + "`timeout`" + ` bounds one attempt, not the call: Resilience4j's aspect order puts the
TimeLimiter inside the Retry, so every attempt may take the full timeout and the waits between
attempts come on top. The worst case is

    W = max_attempts × (timeout + rate_limiter.timeout) + Σ waits

with each wait ` + "`min(initial_delay × multiplier^(k−1), max_delay)`" + ` for exponential backoff
(unset fields take the reference defaults). The seed ` + "`OrderService`" + ` has
3 attempts × 2s + 300ms backoff = 6.3s against ` + "`max_response_time: \"3s\"`" + `: the bound is
violated exactly when the dependency is failing, which is when it matters. An open circuit breaker
only shortens calls, so W is the closed-breaker bound.

**Fix.** Lower ` + "`max_attempts`" + ` or ` + "`timeout`" + ` until W fits, or raise the bound if the caller
can really wait that long. The quick fixes compute the largest attempts and timeout that fit, and
the bound that W needs.

**Sources.** Resilience4j aspect order (https://resilience4j.readme.io/docs/getting-started-3#aspect-order);
Google SRE book, "Handling Overload" and "Addressing Cascading Failures"
(https://sre.google/sre-book/handling-overload/); the formula is derived from both (rules.md §4.1).`,
		Group: checkXB001,
	})
}

// checkXB001 pairs every fault_tolerance block of the group with the
// verify and benchmark bounds of the group.
func checkXB001(p *rule.GroupPass) {
	for _, ft := range p.All("fault_tolerance") {
		v := typed.Of(ft.Block)
		pol, ok := facts.RetryPolicy(v)
		if !ok || pol.Timeout == 0 {
			continue
		}
		w := schema.WorstCase(pol)
		layer, _ := xbFTLayer(ft)
		timeoutSpan, hasTimeout := xbWritten(v, "timeout")
		for _, b := range xb001Bounds {
			for _, other := range p.All(b.kind) {
				ov := typed.Of(other.Block)
				bound, boundSpan, ok := ov.Duration(b.path...)
				if !ok || w.Total <= bound {
					continue
				}
				field := b.path[len(b.path)-1]
				f := p.Reportf(ft, layer.Span, "%s worst case exceeds %s %s", w, field, units.FormatDuration(bound))
				f.Relate(other, boundSpan, other.Block.Label()+" bounds the call at "+units.FormatDuration(bound))
				xbShrinkRetries(f, layer, pol, bound, timeoutSpan, hasTimeout)
				f.Fix("Raise "+field+" to "+units.FormatDuration(xbRoundUpMs(w.Total)), other, boundSpan, infraDuration(xbRoundUpMs(w.Total)))
			}
		}
	}
}

// xbRoundUpMs rounds a worst case up to whole milliseconds, so a raised
// bound reads "6.3s" and never undercuts W.
func xbRoundUpMs(d time.Duration) time.Duration {
	if r := d.Truncate(time.Millisecond); r < d {
		return r + time.Millisecond
	}
	return d
}
