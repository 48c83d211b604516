package schema

import "strings"

// Type is the value type of a field. It is sealed: only this package
// defines types, so every consumer can switch over the complete set
// (Duration, Size, Percent, Ratio, Count, Number, Quantity, Rate, Enum,
// String, Template, Bool, Expression, Reference, HostPort, Object, List,
// OneOf).
type Type interface {
	// Check parses lit as this type. Problems use the subject "value";
	// Field.Check names the field instead.
	Check(lit Literal) (Normalized, []Problem)
	// String is the short type name hover shows: "duration",
	// "count or percent", `"fixed" | "linear"`.
	String() string
	// check does the work with the subject used in messages.
	check(lit Literal, subject string) (Normalized, []Problem)
	// accepts reports the literal kinds the type takes natively; OneOf
	// uses it to pick the alternative whose errors to report.
	accepts(k LiteralKind) bool
}

// wrongKind is the GEN001 problem for a literal of the wrong form: an
// object where a duration is expected, a list where an object is. The
// analyzer reports wrong shapes through it too, so one code covers "not of
// the field's type".
func wrongKind(subject string, lit Literal, t Type) []Problem {
	want := withArticle(t.String())
	if _, isEnum := t.(Enum); isEnum {
		want = "one of " + t.String()
	}
	return []Problem{malformed(subject+" must be "+want+", not "+withArticle(lit.Kind.String()), nil)}
}

// withArticle prefixes a type name with "a" or "an" ("an object").
func withArticle(name string) string {
	if name != "" && strings.ContainsRune("aeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}
