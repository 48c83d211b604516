package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// ftSuggestedTimeout is the per-attempt timeout the quick fix adds:
// Resilience4j's TimeLimiter default, the first reference default of §3.
const ftSuggestedTimeout = `"1s"`

const ft005Message = "retries without a per-attempt timeout: a hung call never fails, so it is never retried"

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT005",
		Severity: rule.Warning,
		Title:    "Retry without a per-attempt timeout",
		Doc: `Warns when a ` + "`fault_tolerance`" + ` block has a ` + "`retry`" + ` but no ` + "`timeout`" + `, or when a
` + "`multi_level_fault_tolerance`" + ` retry level has no ` + "`timeout`" + ` level numbered after it (inside it).

A retry only fires when an attempt fails. A call that hangs (a stuck connection, a dependency
that accepts requests and never answers) does not fail by itself, so without a bound on each
attempt it is never retried and the caller waits forever. In DPL ` + "`timeout`" + ` bounds one
attempt, as Resilience4j's TimeLimiter does inside its Retry; ` + "`total_timeout`" + ` bounds the
whole call and does not replace it. In a multi-level block levels apply outermost-first, so
only a timeout level with a higher number than the retry level sits inside it and bounds each
attempt; one with a lower number is a total budget.

A retry with ` + "`max_attempts: 1`" + ` makes no retry and is not checked.

A block with a syntax error is skipped: members after the error may be lost, and the missing
one may be among them.

Fix: add ` + "`timeout`" + ` (the quick fix proposes 1s, Resilience4j's TimeLimiter default), or
in a multi-level block a new innermost level ` + "`{ pattern: \"timeout\", timeout: \"1s\" }`" + `.

Sources: Amazon Builders' Library, "Timeouts, retries, and backoff with jitter"
(https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/);
Resilience4j aspect order (https://resilience4j.readme.io/docs/getting-started-3#aspect-order);
Resilience4j TimeLimiterConfig (resilience4j-timelimiter/.../TimeLimiterConfig.java).`,
		Block: func(p *rule.BlockPass) {
			if ftIncomplete(p.Block) {
				return
			}
			switch p.Block.Kind.Text {
			case ftKind:
				ft005Block(p)
			case ftKindMultiLevel:
				ft005Levels(p)
			}
		},
	})
}

// ft005Block checks a fault_tolerance block.
func ft005Block(p *rule.BlockPass) {
	if p.Block.Body == nil {
		return
	}
	v := typed.Of(p.Block)
	m, ok := v.Member("retry")
	if !ok || v.Has("timeout") || !(ftScope{view: v, prefix: []string{"retry"}}).retries() {
		return
	}
	p.Report(m.Key.Span, ft005Message, rule.BlockFix{
		Title: "Add timeout: " + ftSuggestedTimeout,
		Edits: []rule.BlockEdit{ftInsertMember(p.Block.Text, p.Block.Body, "timeout: "+ftSuggestedTimeout)},
	})
}

// ft005Levels checks each retry level of a multi-level block.
func ft005Levels(p *rule.BlockPass) {
	levels := ftLevels(p.Block)
	if len(levels) == 0 {
		return
	}
	innermost := levels[len(levels)-1].n
	for i, l := range levels {
		if l.pattern != "retry" || !(ftScope{view: l.view}).retries() || ftTimeoutInside(levels[i+1:]) {
			continue
		}
		member := "level_" + strconv.Itoa(innermost+1) + `: { pattern: "timeout", timeout: ` + ftSuggestedTimeout + ` }`
		p.Report(l.patternSpan, ft005Message, rule.BlockFix{
			Title: "Add an innermost timeout level",
			Edits: []rule.BlockEdit{ftInsertMember(p.Block.Text, p.Block.Body, member)},
		})
	}
}

// ftTimeoutInside reports whether one of the inner levels is a timeout.
func ftTimeoutInside(inner []ftLevel) bool {
	for _, l := range inner {
		if l.pattern == "timeout" {
			return true
		}
	}
	return false
}
