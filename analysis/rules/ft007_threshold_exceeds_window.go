package rules

import (
	"fmt"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT007",
		Severity: rule.Error,
		Title:    "Failure count larger than the call window",
		Doc: `Reports a circuit breaker whose ` + "`failure_threshold`" + ` is a count larger than its
` + "`sliding_window`" + ` count (in a ` + "`fault_tolerance`" + ` block or a circuit-breaker level).

A count window remembers only the last N calls, so it can never hold more than N failures: a
breaker that needs 12 failures in a 10-call window never opens, and the dependency is called
at full rate however badly it fails. failsafe-go rejects a threshold above the window
capacity; Resilience4j has no count-per-window mode, so the generator turns a count into a
COUNT_BASED window and cannot honour it either. Only a count window written in the block is
compared: without one the generator sizes the window to the threshold, and a duration window
is a time window.

Fix: a threshold no larger than the window (the quick fix uses the window size).

Sources: failsafe-go circuitbreaker/circuitbreakerbuilder.go (threshold ≤ capacity);
Resilience4j CircuitBreakerConfig (resilience4j-circuitbreaker/.../CircuitBreakerConfig.java).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "circuit_breaker") {
				threshold, span, ok := s.view.Count(s.path("failure_threshold")...)
				window, _, ok2 := s.view.Count(s.path("sliding_window")...)
				if !ok || !ok2 || window < 1 || threshold <= window { // GEN002 reports a window below 1
					continue
				}
				w := strconv.FormatInt(window, 10)
				p.Report(span, fmt.Sprintf("the breaker can never open: %d failures needed in a %d-call window", threshold, window),
					rule.Replace("Set failure_threshold to "+w, span, w))
			}
		},
	})
}
