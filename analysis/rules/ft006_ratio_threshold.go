package rules

import (
	"math/big"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT006",
		Severity: rule.Error,
		Title:    "Failure threshold written as a ratio",
		Doc: `Reports a ` + "`circuit_breaker.failure_threshold`" + ` (or a circuit-breaker level's
` + "`failure_threshold`" + `) written as a number strictly between 0 and 1, such as ` + "`0.5`" + `.

DPL reads a plain number as a **count** of consecutive failures (failsafe-go
` + "`WithFailureThreshold`" + `) and a percent string (` + "`\"50%\"`" + `) as a failure **rate** over
` + "`sliding_window`" + ` (Resilience4j ` + "`failureRateThreshold`" + `, Hystrix, opossum). 0.5 is
neither: no one can fail half a call, and Resilience4j would read 0.5 as half a percent. The
value was most likely copied from Polly v8 or Sentinel, which write rates as ratios 0–1.

Fix: write the rate as a percent; the quick fix turns ` + "`0.5`" + ` into ` + "`\"50%\"`" + `.

Sources: Resilience4j CircuitBreakerConfig
(resilience4j-circuitbreaker/.../CircuitBreakerConfig.java); Polly CircuitBreakerStrategyOptions
(FailureRatio 0–1); alibaba/Sentinel DegradeRuleManager (ratio counts).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "circuit_breaker") {
				val, ok := s.view.Get(s.path("failure_threshold")...)
				if !ok || val.Short {
					continue
				}
				n, isNum := val.Node.(*model.Number)
				if !isNum || n.Value <= 0 || n.Value >= 1 {
					continue
				}
				percent := `"` + ftPercentOf(n.Text) + `%"`
				p.Report(n.Span, n.Text+" is neither a call count nor a percent; rates are written as percent",
					rule.Replace("Write "+percent, n.Span, percent))
			}
		},
	})
}

// ftPercentOf writes the decimal text of a ratio as a percent, exactly
// ("0.07" → "7", "0.125" → "12.5"), without float rounding.
func ftPercentOf(text string) string {
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return text
	}
	r.Mul(r, big.NewRat(100, 1))
	s := r.FloatString(len(text))
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
