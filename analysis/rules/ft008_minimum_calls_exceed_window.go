package rules

import (
	"fmt"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// ftDefaultWindowCalls is Resilience4j's default COUNT_BASED window, the
// reference default of circuit_breaker.sliding_window (rules.md §3).
const ftDefaultWindowCalls = 100

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT008",
		Severity: rule.Warning,
		Title:    "Minimum_request_count larger than the call window",
		Doc: `Warns when a circuit breaker's ` + "`minimum_request_count`" + ` is larger than its
` + "`sliding_window`" + ` count (in a ` + "`fault_tolerance`" + ` block or a circuit-breaker level).

The failure rate is only evaluated once the window holds ` + "`minimum_request_count`" + ` calls, but
a count window never holds more than its size. Resilience4j does not reject the setting: its
builder silently lowers minimumNumberOfCalls to the window size, so the breaker behaves
differently from what the file says, and other targets may never evaluate the rate at all.
When ` + "`sliding_window`" + ` is unset it is Resilience4j's default of 100 calls — unless
` + "`failure_threshold`" + ` is a count, which the generator turns into a window of that many calls
with a matching minimum. Only a ` + "`minimum_request_count`" + ` written in the block is checked, and
a duration window is not compared.

Fix: set ` + "`minimum_request_count`" + ` to the window size (what Resilience4j uses anyway).

Sources: Resilience4j CircuitBreakerConfig, ` + "`slidingWindow(...)`" + ` clamps the COUNT_BASED minimum
(resilience4j-circuitbreaker/.../CircuitBreakerConfig.java).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "circuit_breaker") {
				minimum, span, ok := s.view.Count(s.path("minimum_request_count")...)
				window, ok2 := ftWindowCalls(s)
				if !ok || !ok2 || minimum <= window {
					continue
				}
				w := strconv.FormatInt(window, 10)
				p.Report(span, fmt.Sprintf("minimum_request_count %d exceeds the %d-call window; Resilience4j silently uses %d", minimum, window, window),
					rule.Replace("Set minimum_request_count to "+w, span, w))
			}
		},
	})
}

// ftWindowCalls is the size of a breaker's count window: sliding_window
// when it is a count, else Resilience4j's 100-call default when the
// window is unset and the threshold is a rate. false for a time window,
// an invalid value, or a count threshold without a window (the generator
// sizes that window from the threshold).
func ftWindowCalls(s ftScope) (int64, bool) {
	if s.view.Has(s.path("sliding_window")...) {
		n, _, ok := s.view.Count(s.path("sliding_window")...)
		return n, ok && n >= 1
	}
	if _, _, isCount := s.view.Count(s.path("failure_threshold")...); isCount {
		return 0, false
	}
	return ftDefaultWindowCalls, true
}
