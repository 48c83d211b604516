package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// ftMaxGRPCAttempts is the gRPC client's cap on retry attempts (A6: values
// above 5 are treated as 5).
const ftMaxGRPCAttempts = 5

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT001",
		Severity: rule.Warning,
		Title:    "More than 5 retry attempts",
		Doc: `Warns when ` + "`retry.max_attempts`" + ` (or a retry level's ` + "`max_attempts`" + ` in
` + "`multi_level_fault_tolerance`" + `) is above 5.

` + "`max_attempts`" + ` counts the first call, so 6 attempts is one call and five retries. gRPC
clients cap a retry policy at 5 attempts and silently use 5 for anything larger, so the policy
does not mean the same thing on every target. Beyond that, every extra attempt is sent to a
dependency that is already failing: retries multiply its load exactly when it can least take
it (Google SRE, "Handling Overload": limit retries per request and per client).

Fix: 3 attempts (the Resilience4j default) is usually enough; combine it with backoff and a
circuit breaker rather than raising the count.

Sources: gRPC proposal A6 "gRPC Retry Design" (grpc/proposal A6-client-retries.md, maxAttempts
limit 5); Google SRE book ch. 21 "Handling Overload" and ch. 22 "Addressing Cascading
Failures" (https://sre.google/sre-book/handling-overload/).`,
		Block: func(p *rule.BlockPass) {
			for _, s := range ftScopes(p.Block, "retry") {
				n, span, ok := s.view.Count(s.path("max_attempts")...)
				if !ok || n <= ftMaxGRPCAttempts {
					continue
				}
				p.Report(span, fmt.Sprintf("%d attempts: gRPC clients cap retries at 5 attempts, and every extra attempt adds load to a dependency that is already failing", n),
					rule.Replace("Set max_attempts to 3", span, "3"))
			}
		},
	})
}
