package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// ftMinResetTimeout is Polly's lower bound on BreakDuration.
const ftMinResetTimeout = 500 * time.Millisecond

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT010",
		Severity: rule.Warning,
		Title:    "Circuit breaker open for under half a second",
		Doc: `Warns when a circuit breaker's ` + "`reset_timeout`" + ` (how long it stays open before trial
calls) is below 500ms (in a ` + "`fault_tolerance`" + ` block or a circuit-breaker level).

The open state exists to give a failing dependency time to recover. An open period of a few
milliseconds sends the half-open probes almost at once, so the breaker flaps between open and
half-open while the dependency is still down, and the protection is mostly lost. Polly rejects
a BreakDuration under 0.5s; Hystrix's sleep window defaults to 5s.

Fix: ` + "`reset_timeout: \"5s\"`" + ` (Hystrix's and Polly's default).

Sources: Polly CircuitBreakerStrategyOptions (BreakDuration 0.5s–1 day,
https://www.pollydocs.org/strategies/circuit-breaker); Netflix Hystrix HystrixCommandProperties
(circuitBreaker.sleepWindowInMilliseconds = 5000).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "circuit_breaker") {
				d, span, ok := s.view.Duration(s.path("reset_timeout")...)
				if !ok || d >= ftMinResetTimeout {
					continue
				}
				p.Report(span, "an open period under 0.5s re-probes a failing dependency almost at once (Polly rejects it)",
					rule.Replace(`Set reset_timeout to "5s"`, span, `"5s"`))
			}
		},
	})
}
