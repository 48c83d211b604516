package rules

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// This file holds what the cross-block rules (XB001–XB009) share: where to
// report a value that may be defaulted, the retry layers of a service, the
// levels of a multi_level_fault_tolerance block, and the largest retry policy that fits a time budget
// (the "shrink retries" quick fixes).

// xbSpanAt is the span of the value at path, or of the nearest written key
// on the path when the value is defaulted: a finding about a default is
// reported where the user would write it.
func xbSpanAt(v typed.View, path ...string) model.Span {
	if val, ok := v.Get(path...); ok {
		return val.Span()
	}
	for i := len(path) - 1; i > 0; i-- {
		if _, ok := v.Member(path[:i]...); ok {
			return v.KeySpan(path[:i]...)
		}
	}
	return v.KeySpan(path[0])
}

// xbWritten reports whether a scalar is written at path (not defaulted and
// not an object), so a quick fix can replace it.
func xbWritten(v typed.View, path ...string) (model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok {
		return model.Span{}, false
	}
	switch val.Node.(type) {
	case *model.String, *model.Number, *model.Bool:
		return val.Span(), true
	}
	return model.Span{}, false
}

// xbPlural writes n with the singular or plural noun: "1 replica", "3 replicas".
func xbPlural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}

// xbLayer is one place that retries on a call path: a fault_tolerance
// retry, or one retry level of a multi_level_fault_tolerance block.
type xbLayer struct {
	Ref      rule.Ref
	Attempts int
	// Span is the max_attempts value, or the retry key (or level key) when
	// max_attempts is defaulted; Written says which.
	Span    model.Span
	Written bool
	// Label names the layer in related messages.
	Label string
}

// xbServiceLayers returns the retry layers of the service name, looked up
// through the pass so the finding is recomputed when they change. A
// multi_level_fault_tolerance block spells out the service's nesting, so
// its retry levels take precedence over a fault_tolerance block of the
// same name (both describe one service's policy, not two layers).
// Layers that make a single attempt do not retry and are left out.
func xbServiceLayers(p *rule.GroupPass, name string) []xbLayer {
	refs := p.Lookup(name)
	for _, r := range refs {
		if r.Block.Kind.Text == "multi_level_fault_tolerance" {
			var out []xbLayer
			for _, l := range xbLevels(r.Block) {
				if l.Pattern == "retry" {
					if layer := xbLevelLayer(r, l); layer.Attempts > 1 {
						out = append(out, layer)
					}
				}
			}
			return out
		}
	}
	for _, r := range refs {
		if r.Block.Kind.Text != "fault_tolerance" {
			continue
		}
		if layer, ok := xbFTLayer(r); ok && layer.Attempts > 1 {
			return []xbLayer{layer}
		}
	}
	return nil
}

// xbFTLayer is the retry layer of a fault_tolerance block.
func xbFTLayer(r rule.Ref) (xbLayer, bool) {
	v := typed.Of(r.Block)
	pol, ok := facts.RetryPolicy(v)
	if !ok {
		return xbLayer{}, false
	}
	span, isWritten := xbWritten(v, "retry", "max_attempts")
	if !isWritten {
		span = v.KeySpan("retry")
	}
	return xbLayer{Ref: r, Attempts: pol.MaxAttempts, Span: span, Written: isWritten, Label: r.Block.Label()}, true
}

// xbLevelLayer is the retry layer of one retry level.
func xbLevelLayer(r rule.Ref, l xbLevel) xbLayer {
	pol := xbLevelRetry(l)
	span, isWritten := xbWritten(l.View, "max_attempts")
	if !isWritten {
		span = l.KeySpan
	}
	return xbLayer{Ref: r, Attempts: pol.MaxAttempts, Span: span, Written: isWritten,
		Label: "level_" + strconv.Itoa(l.Num) + " of " + r.Block.Label()}
}

// xbLevel is one level_<n> of a multi_level_fault_tolerance block.
type xbLevel struct {
	Num     int
	Pattern string
	View    typed.View
	KeySpan model.Span
}

// xbLevels returns the block's levels outermost first (numeric order, as
// the spec pins it: level_1 is outermost).
func xbLevels(b *model.Block) []xbLevel {
	if b.Body == nil {
		return nil
	}
	var out []xbLevel
	for _, m := range b.Body.Members {
		num, isLevel := strings.CutPrefix(m.Key.Text, "level_")
		n, err := strconv.Atoi(num)
		obj, isObj := m.Value.(*model.Object)
		if !isLevel || err != nil || !isObj {
			continue
		}
		v := typed.View{Kind: b.Kind.Text, Path: []string{m.Key.Text}, Obj: obj}
		pattern, _, _ := v.String("pattern")
		out = append(out, xbLevel{Num: n, Pattern: pattern, View: v, KeySpan: m.Key.Span})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Num < out[j].Num })
	return out
}

// xbLevelRetry reads a retry level's own fields over the reference defaults;
// its timeout and permit wait come from the levels inside it (see
// xbStackPolicy).
func xbLevelRetry(l xbLevel) schema.RetryPolicy {
	p := schema.DefaultRetryPolicy()
	if n, _, ok := l.View.Count("max_attempts"); ok {
		p.MaxAttempts = int(n)
	}
	if b, _, ok := l.View.String("backoff"); ok {
		p.Backoff = schema.Backoff(b)
	}
	if d, _, ok := l.View.Duration("initial_delay"); ok {
		p.InitialDelay = d
	}
	if d, _, ok := l.View.Duration("max_delay"); ok {
		p.MaxDelay = d
	}
	if m, _, ok := l.View.Number("multiplier"); ok {
		p.Multiplier = m
	}
	return p
}

// xbStackPolicy is the retry policy of the retry level at index i of levels:
// the per-attempt timeout is the tightest timeout level inside it, the
// permit wait the timeout of the first rate_limiter level inside it. It
// reports false when no timeout level bounds the attempts (W is unbounded).
func xbStackPolicy(levels []xbLevel, i int) (schema.RetryPolicy, bool) {
	p := xbLevelRetry(levels[i])
	permit := false
	for _, inner := range levels[i+1:] {
		switch inner.Pattern {
		case "timeout":
			if d, _, ok := inner.View.Duration("timeout"); ok && (p.Timeout == 0 || d < p.Timeout) {
				p.Timeout = d
			}
		case "rate_limiter":
			if d, _, ok := inner.View.Duration("timeout"); ok && !permit {
				p.RateLimiterTimeout, permit = d, true
			}
		}
	}
	return p, p.Timeout > 0
}

// xbAttemptsWithin is the largest max_attempts (at least 1, at most the
// policy's own) whose worst case fits budget, or 0 when even one attempt
// does not.
func xbAttemptsWithin(p schema.RetryPolicy, budget time.Duration) int {
	for n := p.MaxAttempts; n >= 1; n-- {
		q := p
		q.MaxAttempts = n
		if schema.WorstCase(q).Total <= budget {
			return n
		}
	}
	return 0
}

// xbTimeoutWithin is the largest per-attempt timeout, in whole
// milliseconds, with which the policy's worst case fits budget, or 0 when
// the backoff waits alone exceed it.
func xbTimeoutWithin(p schema.RetryPolicy, budget time.Duration) time.Duration {
	w := schema.WorstCase(p)
	if w.Attempts == 0 {
		return 0
	}
	per := (budget-w.Backoff)/time.Duration(w.Attempts) - p.RateLimiterTimeout
	per = per.Truncate(time.Millisecond)
	if per <= 0 {
		return 0
	}
	return per
}

// xbShrinkRetries attaches the "shrink the callee's retries" quick fixes to
// f: fewer attempts, and a shorter per-attempt timeout, each the largest
// that fits budget. The timeout fix needs a written timeout to replace.
func xbShrinkRetries(f *rule.GroupFinding, layer xbLayer, p schema.RetryPolicy, budget time.Duration, timeout model.Span, hasTimeout bool) {
	if n := xbAttemptsWithin(p, budget); n >= 1 && n < p.MaxAttempts && layer.Written {
		f.Fix("Lower max_attempts to "+strconv.Itoa(n), layer.Ref, layer.Span, strconv.Itoa(n))
	}
	if t := xbTimeoutWithin(p, budget); t > 0 && t < p.Timeout && hasTimeout {
		f.Fix("Lower timeout to "+units.FormatDuration(t), layer.Ref, timeout, infraDuration(t))
	}
}

// xbMemberLine is the span that deletes member m of ref's block cleanly:
// the member with its indentation, a trailing comma and its line break
// when it sits on lines of its own, else just the member.
func xbMemberLine(ref rule.Ref, m *model.Member) model.Span {
	text := ref.Block.Text
	start, end := m.Span.Start, m.Span.End
	for end < len(text) && (text[end] == ' ' || text[end] == '\t' || text[end] == ',') {
		end++
	}
	ls := start
	for ls > 0 && (text[ls-1] == ' ' || text[ls-1] == '\t') {
		ls--
	}
	if (ls == 0 || text[ls-1] == '\n') && end < len(text) && text[end] == '\n' {
		return model.Span{Start: ls, End: end + 1}
	}
	return m.Span
}
