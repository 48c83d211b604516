package schema

import (
	"strconv"
	"strings"
)

// Enum is a closed set of string members. FoldCase accepts any letter case
// and normalizes to the member's spelling (the draft writes "nuXmv" for
// nuxmv). Numeric accepts a number literal whose text is a member, for
// Kafka acks, which users write as 1 or "all".
type Enum struct {
	Members  []string
	FoldCase bool
	Numeric  bool
}

// RefTarget says what a Reference names.
type RefTarget string

// The things a DPL string can refer to.
const (
	RefKind        RefTarget = "block kind"    // "fault_tolerance" in patterns lists
	RefService     RefTarget = "service"       // a block name, matched case- and -/_-insensitively
	RefParticipant RefTarget = "participant"   // an entry of the same block's participants
	RefMetric      RefTarget = "metric"        // a metric of the metrics block with the same name
	RefStrategy    RefTarget = "load strategy" // a load_balancer strategy name
)

// Reference is a string naming something elsewhere. Open means an
// unresolved name is fine (services may live outside the workspace, and
// event_driven_pattern lists patterns such as "event_sourcing" that are not
// block kinds); a closed reference that does not resolve is an error.
type Reference struct {
	To   RefTarget
	Open bool
}

// String lists the members as hover shows them: "fixed" | "linear".
func (t Enum) String() string {
	quoted := make([]string, len(t.Members))
	for i, m := range t.Members {
		quoted[i] = strconv.Quote(m)
	}
	return strings.Join(quoted, " | ")
}

func (t Reference) String() string { return string(t.To) + " name" }

func (t Enum) accepts(k LiteralKind) bool {
	return k == LitString || (t.Numeric && k == LitNumber)
}
func (Reference) accepts(k LiteralKind) bool { return k == LitString }

// Check implements Type.
func (t Enum) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Reference) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Member returns the canonical member matching text, honoring FoldCase.
func (t Enum) Member(text string) (string, bool) {
	for _, m := range t.Members {
		if m == text || (t.FoldCase && strings.EqualFold(m, text)) {
			return m, true
		}
	}
	return "", false
}

func (t Enum) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValEnum, Type: t, Source: lit.Text}
	if !t.accepts(lit.Kind) {
		if lit.Kind == LitNumber || lit.Kind == LitBool {
			if m, ok := t.Member(lit.Text); ok {
				fix := Str(m)
				return n, []Problem{malformed(subject+" values are strings: write "+fix.Source(), &fix)}
			}
		}
		return n, wrongKind(subject, lit, t)
	}
	if m, ok := t.Member(lit.Text); ok {
		n.Text = m
		return n, nil
	}
	p := malformed(strconv.Quote(lit.Text)+" is not a valid "+subject+"; expected "+t.String(), nil)
	if near, ok := Closest(lit.Text, t.Members); ok {
		fix := Str(near)
		if lit.Kind == LitNumber {
			fix = Num(near)
		}
		p.Replacement = &fix
		p.Suggestion = "did you mean " + fix.Source() + "?"
		p.Message = strconv.Quote(lit.Text) + " is not a valid " + subject + "; did you mean " + fix.Source() + "?"
	}
	return n, []Problem{p}
}

func (t Reference) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValString, Type: t, Source: lit.Text, Text: lit.Text}
	if lit.Kind != LitString {
		return n, wrongKind(subject, lit, t)
	}
	if strings.TrimSpace(lit.Text) == "" {
		return n, []Problem{malformed(subject+" is empty: write a "+t.String(), nil)}
	}
	return n, nil
}

// NormalizeName is the matching key of service references: lower case
// without "-" and "_", so "order-service" ~ OrderService ~ order_service.
func NormalizeName(name string) string {
	return strings.ToLower(nameSeparators.Replace(name))
}

var nameSeparators = strings.NewReplacer("-", "", "_", "")
