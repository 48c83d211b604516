package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT003",
		Severity: rule.Warning,
		Title:    "Exponential backoff without max_delay",
		Doc: `Warns when a retry uses ` + "`exponential`" + ` or ` + "`exponential_jitter`" + ` backoff and sets no
` + "`max_delay`" + `.

Without a cap, attempt n waits initial_delay × multiplier^(n−1): the waits double (or grow by
the multiplier) without bound, so a policy that looks harmless at 3 attempts turns into
minutes of waiting once someone raises max_attempts, and the worst-case latency of the call
grows exponentially with it. Capped exponential backoff is the standard form: gRPC makes
` + "`maxBackoff`" + ` mandatory in a retry policy, and AWS's backoff analysis caps every wait.

A retry with ` + "`max_attempts: 1`" + ` makes no retry and is not checked.

A block with a syntax error is skipped: members after the error may be lost, and the missing
one may be among them.

Fix: add ` + "`max_delay`" + `. The quick fix proposes 10 × initial_delay (Envoy's default cap for
its retry back-off), using the 500ms reference default when initial_delay is unset.

Sources: AWS Architecture Blog, "Exponential Backoff and Jitter"
(https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/); gRPC proposal A6
"gRPC Retry Design" (maxBackoff is required).`,
		Block: func(p *rule.BlockPass) {
			if ftIncomplete(p.Block) {
				return
			}
			for _, s := range ftScopes(p.Block, "retry") {
				backoff, span, ok := s.view.String(s.path("backoff")...)
				if !ok || !ftIsExponential(backoff) || !s.retries() || s.view.Has(s.path("max_delay")...) {
					continue
				}
				f := p.Report(span, "uncapped backoff: attempt n waits initial_delay × multiplier^(n−1)")
				obj := s.object()
				if obj == nil {
					continue
				}
				initial, _, ok := s.view.Duration(s.path("initial_delay")...)
				if !ok {
					initial = schema.DefaultInitialDelay
				}
				capText := infraDuration(10 * initial)
				f.Fixes = append(f.Fixes, rule.BlockFix{
					Title: "Add max_delay: " + capText,
					Edits: []rule.BlockEdit{ftInsertMember(p.Block.Text, obj, "max_delay: "+capText)},
				})
			}
		},
	})
}
