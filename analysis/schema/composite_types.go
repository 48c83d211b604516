package schema

import (
	"regexp"
	"strings"
)

// Object is a { key: value } value. Fields are the known keys in canonical
// order (formatter and completion order). KeyPatterns admit keys by shape
// (multi_level_fault_tolerance "level_<n>"). OpenKeys, when set, admits any
// other key with that field's type (metrics groups, alerts, metadata); its
// Name is a placeholder such as "<metric>". KeysRefer, when set, says what
// open keys name (compensation keys are participants).
//
// Variants lists, per value of the Discriminator key, the fields that are
// meaningful: a multi-level "circuit_breaker" level has failure_threshold
// but not max_attempts.
type Object struct {
	Fields        []*Field
	KeyPatterns   []*KeyPattern
	OpenKeys      *Field
	KeysRefer     RefTarget
	Discriminator string
	Variants      map[string][]string
}

// KeyPattern admits every key matching Pattern; Display is how completion
// and hover show it ("level_<n>").
type KeyPattern struct {
	Pattern *regexp.Regexp
	Display string
	Field   *Field
}

// List is [elem, …].
type List struct{ Elem Type }

// OneOf is a union: failure_threshold is a count or a percent, retry is a
// count (shorthand) or an object. Check tries the alternatives in order.
type OneOf struct{ Types []Type }

func (*Object) String() string { return "object" }
func (t *List) String() string { return "list of " + t.Elem.String() }
func (t *OneOf) String() string {
	names := make([]string, len(t.Types))
	for i, a := range t.Types {
		names[i] = a.String()
	}
	return strings.Join(names, " or ")
}

func (*Object) accepts(k LiteralKind) bool { return k == LitObject }
func (*List) accepts(k LiteralKind) bool   { return k == LitArray }
func (t *OneOf) accepts(k LiteralKind) bool {
	for _, a := range t.Types {
		if a.accepts(k) {
			return true
		}
	}
	return false
}

// Check implements Type: objects are checked structurally only; the
// analyzer walks members with Object.Field.
func (t *Object) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type: lists are checked structurally only; the analyzer
// checks each element against Elem.
func (t *List) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t *OneOf) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

func (t *Object) check(lit Literal, subject string) (Normalized, []Problem) {
	if lit.Kind != LitObject {
		return Normalized{Type: t, Source: lit.Text}, wrongKind(subject, lit, t)
	}
	return Normalized{Kind: ValObject, Type: t}, nil
}

func (t *List) check(lit Literal, subject string) (Normalized, []Problem) {
	if lit.Kind != LitArray {
		return Normalized{Type: t, Source: lit.Text}, wrongKind(subject, lit, t)
	}
	return Normalized{Kind: ValList, Type: t}, nil
}

// check returns the first alternative that accepts lit without errors. If
// none does, it reports the errors of the first alternative that takes this
// literal kind natively, so "abc" for a count-or-percent reads "is not a
// percent" rather than "is not a count".
func (t *OneOf) check(lit Literal, subject string) (Normalized, []Problem) {
	var fallback *Normalized
	var fallbackProbs []Problem
	for _, alt := range t.Types {
		n, probs := alt.check(lit, subject)
		if !hasErrors(probs) {
			return n, probs
		}
		if fallback == nil && alt.accepts(lit.Kind) {
			fallback, fallbackProbs = &n, probs
		}
	}
	if fallback != nil {
		return *fallback, fallbackProbs
	}
	return Normalized{Type: t, Source: lit.Text}, wrongKind(subject, lit, t)
}

// Field returns the field for key: a known field first, then a key
// pattern's field, then the open-key field. ok is false for unknown keys.
func (t *Object) Field(key string) (*Field, bool) {
	for _, f := range t.Fields {
		if f.Name == key {
			return f, true
		}
	}
	for _, p := range t.KeyPatterns {
		if p.Pattern.MatchString(key) {
			return p.Field, true
		}
	}
	if t.OpenKeys != nil {
		return t.OpenKeys, true
	}
	return nil, false
}

// Names returns the fixed field names in canonical order; completion and
// did-you-mean use them.
func (t *Object) Names() []string {
	names := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		names[i] = f.Name
	}
	return names
}

// VariantAllows reports whether key belongs to the variant selected by the
// discriminator value (true when the object has no variants or the value is
// unknown, so one error is not reported twice).
func (t *Object) VariantAllows(variant, key string) bool {
	allowed, ok := t.Variants[variant]
	if !ok || key == t.Discriminator {
		return true
	}
	for _, k := range allowed {
		if k == key {
			return true
		}
	}
	return false
}

// ObjectOf returns the object form of t: t itself, the object alternative
// of a OneOf, or the object element of a list (recursively). Resolve and
// the analyzer use it to descend into nested keys.
func ObjectOf(t Type) (*Object, bool) {
	switch v := t.(type) {
	case *Object:
		return v, true
	case *List:
		return ObjectOf(v.Elem)
	case *OneOf:
		for _, alt := range v.Types {
			if o, ok := ObjectOf(alt); ok {
				return o, true
			}
		}
	}
	return nil, false
}
