package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/units"
)

// ftIsExponential reports whether a backoff grows geometrically.
func ftIsExponential(backoff string) bool {
	return backoff == string(schema.BackoffExponential) || backoff == string(schema.BackoffExponentialJitter)
}

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT002",
		Severity: rule.Warning,
		Title:    "Exponential backoff that never grows",
		Doc: `Warns when a retry asks for ` + "`exponential`" + ` (or ` + "`exponential_jitter`" + `) backoff but
its numbers make every wait the same:

- ` + "`multiplier: 1`" + `: initial_delay × 1^(n−1) is initial_delay every time;
- ` + "`max_delay`" + ` at or below ` + "`initial_delay`" + `: the cap applies from the first wait on;
- ` + "`initial_delay: \"0s\"`" + `: 0 × anything is 0, so retries come back to back.

The wait before attempt n+1 is min(initial_delay × multiplier^(n−1), max_delay), as
Resilience4j's IntervalFunction computes it. Unset fields take the reference defaults
(initial_delay 500ms, multiplier 1.5), so only values written in the block trigger the rule.
The result behaves like fixed backoff (or none at all) while reading like exponential, which
hides the lack of back-pressure on a failing dependency.

A retry with ` + "`max_attempts: 1`" + ` makes no retry and is not checked.

Fix: multiplier 2.0; a max_delay well above initial_delay (the fix proposes 10 × initial_delay,
Envoy's default cap); a non-zero initial_delay such as 100ms.

Sources: Resilience4j IntervalFunction
(resilience4j-core/src/main/java/io/github/resilience4j/core/IntervalFunction.java).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "retry") {
				ftCheckDegenerateBackoff(p, s)
			}
		},
	})
}

// ftCheckDegenerateBackoff reports the first degenerate setting of one retry.
func ftCheckDegenerateBackoff(p *rule.BlockPass, s ftScope) {
	backoff, _, ok := s.view.String(s.path("backoff")...)
	if !ok || !ftIsExponential(backoff) || !s.retries() {
		return
	}
	initial, initialSpan, initialSet := s.view.Duration(s.path("initial_delay")...)
	if !initialSet {
		initial = schema.DefaultInitialDelay
	}
	mult, multSpan, multSet := s.view.Number(s.path("multiplier")...)
	maxDelay, maxSpan, maxSet := s.view.Duration(s.path("max_delay")...)
	const msg = "exponential backoff degenerates: every wait is "
	switch {
	case initialSet && initial == 0:
		p.Report(initialSpan, msg+ftWaitText(0), rule.Replace(`Set initial_delay to "100ms"`, initialSpan, `"100ms"`))
	case multSet && mult == 1:
		wait := initial
		if maxSet && maxDelay < wait {
			wait = maxDelay
		}
		p.Report(multSpan, msg+ftWaitText(wait), rule.Replace("Set multiplier to 2.0", multSpan, "2.0"))
	case maxSet && maxDelay <= initial:
		raised := units.FormatDuration(10 * initial)
		p.Report(maxSpan, msg+ftWaitText(maxDelay),
			rule.Replace(`Raise max_delay to "`+raised+`"`, maxSpan, `"`+raised+`"`))
	}
}

// ftWaitText writes a wait as the catalog's messages do: "100ms", and a bare
// "0" for no wait at all.
func ftWaitText(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	return units.FormatDuration(d)
}
