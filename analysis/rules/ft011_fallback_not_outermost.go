package rules

import (
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "FT011",
		Severity: rule.Warning,
		Title:    "Fallback level inside other resilience levels",
		Doc: `Warns when a ` + "`multi_level_fault_tolerance`" + ` level with ` + "`pattern: \"fallback\"`" + ` is not the
outermost (lowest-numbered) level.

Levels apply outermost-first in numeric order, so every level numbered before the fallback
wraps it. A fallback turns a failure into a success, so a retry or circuit breaker outside it
never sees the failures it exists to react to: the retry never retries and the breaker never
opens, while the dependency keeps failing behind the fallback. The message names those levels
(` + "`fallback at level_4 sits inside retry and circuit_breaker: …`" + `). When only a bulkhead,
timeout or rate limiter sits outside, the problem is the reverse: their rejections and
timeouts are raised outside the fallback and reach the caller unhandled, which the message
says instead. Polly's recommended wrap order is fallback → retry → circuit breaker → bulkhead →
timeout, with the fallback outermost.

Fix: renumber so the fallback comes first. The quick fix gives the fallback the lowest level
number and shifts the levels that were outside it one place inward, keeping their relative
order (a timeout level outside a retry stays a total budget, one inside stays per attempt).

Sources: Polly PolicyWrap ordering (https://github.com/App-vNext/Polly/wiki/PolicyWrap);
Resilience4j aspect order (https://resilience4j.readme.io/docs/getting-started-3#aspect-order).`,
		Block: func(p *rule.BlockPass) {
			if p.Block.Kind.Text != ftKindMultiLevel {
				return
			}
			levels := ftLevels(p.Block)
			for i, l := range levels {
				if i == 0 || l.pattern != "fallback" {
					continue
				}
				msg, ok := ft011Message(l, levels[:i])
				if !ok {
					continue
				}
				p.Report(l.patternSpan, msg, ft011Renumber(levels, i))
			}
		},
	})
}

// ft011Message names the outer levels that matter: the retries and
// breakers the fallback hides failures from, or else every outer pattern.
func ft011Message(l ftLevel, outer []ftLevel) (string, bool) {
	var seeing, all []string
	for _, o := range outer {
		if o.pattern == "" {
			continue
		}
		all = ftAppendOnce(all, o.pattern)
		if o.pattern == "retry" || o.pattern == "circuit_breaker" {
			seeing = ftAppendOnce(seeing, o.pattern)
		}
	}
	head := "fallback at " + l.member.Key.Text + " sits inside "
	switch {
	case len(seeing) > 0:
		return head + ftJoinAnd(seeing) + ": it turns failures into successes they never see", true
	case len(all) > 0:
		return head + ftJoinAnd(all) + ": the failures they raise never reach the fallback", true
	}
	return "", false
}

// ft011Renumber moves levels[i] to the outermost number and shifts the
// levels before it one number inward.
func ft011Renumber(levels []ftLevel, i int) rule.BlockFix {
	fix := rule.BlockFix{Title: "Renumber: fallback first"}
	key := func(n int) string { return "level_" + strconv.Itoa(n) }
	fix.Edits = append(fix.Edits, rule.BlockEdit{Span: levels[i].member.Key.Span, NewText: key(levels[0].n)})
	for j := 0; j < i; j++ {
		fix.Edits = append(fix.Edits, rule.BlockEdit{Span: levels[j].member.Key.Span, NewText: key(levels[j+1].n)})
	}
	return fix
}

// ftAppendOnce appends s unless list already holds it.
func ftAppendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// ftJoinAnd writes "a", "a and b", "a, b and c".
func ftJoinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
