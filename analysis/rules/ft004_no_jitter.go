package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT004",
		Severity: rule.Info,
		Title:    "Retry backoff without jitter",
		Doc: `Notes a retry whose ` + "`backoff`" + ` is written as ` + "`fixed`" + `, ` + "`linear`" + ` or
` + "`exponential`" + ` (none of them randomized) while it makes at least two attempts
(` + "`max_attempts`" + ` counts the first call and defaults to 3).

Clients that failed together, because the dependency went down for all of them at once, wait
exactly the same time and retry together: each retry round arrives as a synchronized spike
that can knock the recovering dependency over again. Randomizing the wait spreads the rounds
out; AWS's analysis shows full jitter cuts both the total work and the completion time.

Only a backoff written in the block triggers the rule; an unset backoff is left to the other
defaults (Resilience4j's fixed 500ms) without a note on every retry.

Fix: ` + "`backoff: \"exponential_jitter\"`" + `.

Sources: AWS Architecture Blog, "Exponential Backoff and Jitter"
(https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/); Amazon Builders'
Library, "Timeouts, retries, and backoff with jitter"; Google SRE book ch. 22 "Addressing
Cascading Failures" (https://sre.google/sre-book/addressing-cascading-failures/).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "retry") {
				backoff, span, ok := s.view.String(s.path("backoff")...)
				if !ok || !ftUnjittered(backoff) || !s.retries() {
					continue
				}
				p.Report(span, "no jitter: callers that failed together retry together",
					rule.Replace(`Use "exponential_jitter"`, span, `"exponential_jitter"`))
			}
		},
	})
}

// ftUnjittered reports whether a backoff waits the same on every client.
func ftUnjittered(backoff string) bool {
	switch schema.Backoff(backoff) {
	case schema.BackoffFixed, schema.BackoffLinear, schema.BackoffExponential:
		return true
	}
	return false
}
