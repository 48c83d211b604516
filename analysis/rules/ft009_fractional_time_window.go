package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/units"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT009",
		Severity: rule.Warning,
		Title:    "Time window that is not whole seconds",
		Doc: `Warns when a circuit breaker's ` + "`sliding_window`" + ` is a duration that is not a whole number
of seconds, such as ` + "`\"1500ms\"`" + ` (in a ` + "`fault_tolerance`" + ` block or a circuit-breaker level).

Resilience4j's TIME_BASED window is an integer number of seconds (` + "`slidingWindowSize`" + `), so
the generated configuration can only keep the whole seconds: 1500ms becomes 1s and the breaker
measures over a different window than the file says. Hystrix and opossum split their rolling
window into buckets and reject a window that does not divide evenly. Windows under one second
are out of range altogether and reported by GEN002.

Fix: round to whole seconds (the quick fix rounds to the nearest second).

Sources: Resilience4j CircuitBreakerConfig (TIME_BASED size in seconds,
resilience4j-circuitbreaker/.../CircuitBreakerConfig.java); Netflix Hystrix
HystrixCommandProperties and HystrixRollingNumber (window must divide into buckets).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "circuit_breaker") {
				val, ok := s.view.Get(s.path("sliding_window")...)
				if !ok || !val.OK || val.Norm.Kind != schema.ValDuration {
					continue
				}
				d := val.Norm.Duration
				if d < time.Second || d%time.Second == 0 {
					continue
				}
				span := val.Span()
				rounded := infraDuration(d.Round(time.Second))
				p.Report(span, "time windows are whole seconds in Resilience4j: "+units.FormatDuration(d)+" becomes "+units.FormatDuration(d.Truncate(time.Second)),
					rule.Replace("Round to "+rounded, span, rounded))
			}
		},
	})
}
