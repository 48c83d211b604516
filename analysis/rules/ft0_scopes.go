package rules

import (
	"regexp"
	"sort"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// The fault-tolerance rules (FT001–FT011) apply to two kinds of block, as
// rules.md's catalog heading says: a fault_tolerance block, where retry and
// circuit-breaker settings sit in the `retry` and `circuit_breaker`
// members, and a multi_level_fault_tolerance block, where each `level_<n>`
// object names its pattern and carries that pattern's fields directly. An
// ftScope hides the difference, so each rule is written once.

const (
	ftKind           = "fault_tolerance"
	ftKindMultiLevel = "multi_level_fault_tolerance"
)

// ftScope is one place a pattern's settings live: view seen at prefix.
// For fault_tolerance the prefix is the member name (`retry`), which also
// covers the `retry: 5` shorthand; for a level it is empty.
type ftScope struct {
	view   typed.View
	prefix []string
}

// path is the typed path of key inside the scope.
func (s ftScope) path(key string) []string {
	return append(append([]string(nil), s.prefix...), key)
}

// object is the object that holds the scope's fields, where a quick fix
// adds a missing one; it is nil for a shorthand (`retry: 5`).
func (s ftScope) object() *model.Object {
	if len(s.prefix) == 0 {
		return s.view.Obj
	}
	obj, _ := s.view.Obj.Lookup(s.prefix...).(*model.Object)
	return obj
}

// ftScopes returns the scopes of one pattern ("retry" or
// "circuit_breaker") in a fault_tolerance or multi-level block.
func ftScopes(b *model.Block, pattern string) []ftScope {
	if b.Body == nil {
		return nil
	}
	switch b.Kind.Text {
	case ftKind:
		v := typed.Of(b)
		if v.Has(pattern) {
			return []ftScope{{view: v, prefix: []string{pattern}}}
		}
	case ftKindMultiLevel:
		var out []ftScope
		for _, l := range ftLevels(b) {
			if l.pattern == pattern {
				out = append(out, ftScope{view: l.view})
			}
		}
		return out
	}
	return nil
}

// retries reports whether a retry scope makes more than one attempt
// (max_attempts counts the first call and defaults to 3): with a single
// attempt there is no retry, no wait between attempts, and nothing for the
// backoff and timeout rules to say.
func (s ftScope) retries() bool {
	n, _, ok := s.view.Count(s.path("max_attempts")...)
	return !ok || n >= 2
}

// ftIncomplete reports whether a block has a syntax error. The parser
// recovers, but members after the error may be lost, so the rules that
// report a *missing* member (FT003, FT005, VF004) stay quiet on such a
// block rather than nag about what the user is still typing.
func ftIncomplete(b *model.Block) bool { return len(b.Syntax) > 0 }

// ftLevel is one `level_<n>` of a multi_level_fault_tolerance block.
type ftLevel struct {
	member  *model.Member
	n       int
	pattern string
	// patternSpan is the span of the `pattern` value, or of the level key
	// when the pattern is missing.
	patternSpan model.Span
	view        typed.View
}

var ftLevelKey = regexp.MustCompile(`^level_([0-9]+)$`)

// ftLevels returns the levels of a multi-level block in numeric order,
// outermost first, which is the order the spec applies them in.
func ftLevels(b *model.Block) []ftLevel {
	if b.Body == nil {
		return nil
	}
	var out []ftLevel
	for _, m := range b.Body.Members {
		match := ftLevelKey.FindStringSubmatch(m.Key.Text)
		obj, isObj := m.Value.(*model.Object)
		if match == nil || !isObj {
			continue
		}
		n, err := strconv.Atoi(match[1])
		if err != nil {
			continue
		}
		v := typed.View{Kind: b.Kind.Text, Path: []string{m.Key.Text}, Obj: obj}
		l := ftLevel{member: m, n: n, view: v, patternSpan: m.Key.Span}
		if p, span, ok := v.String("pattern"); ok {
			l.pattern, l.patternSpan = p, span
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].n < out[j].n })
	return out
}
