// Package units parses and formats the typed values of DPL: durations,
// sizes, percents, Kubernetes quantities, rates and counts.
//
// DPL carries typed values inside strings ("100ms", "2gb", "50%"), so every
// consumer (diagnostics, hover, formatter, generators) must agree on one
// grammar. This package is that grammar. It knows nothing about fields or
// ranges: the schema package decides which type a field has and which values
// are allowed; this package only says what a piece of text means.
package units

import "fmt"

// Kind names the value type a parser expected. It appears in messages
// ("is not a duration") and lets callers pick the quick fix.
type Kind string

// The value kinds of DPL that have their own textual grammar.
const (
	KindDuration Kind = "duration"
	KindSize     Kind = "size"
	KindPercent  Kind = "percent"
	KindQuantity Kind = "quantity"
	KindRate     Kind = "rate"
	KindCount    Kind = "count"
)

// Error reports text that does not parse as the expected kind.
//
// Msg is written for the person editing the file, not for a log: it quotes
// the input and says how to fix it. Suggestion, when non-empty, is a
// corrected spelling of the same value (unquoted) that parses; the language
// server offers it as a quick fix.
type Error struct {
	Kind       Kind
	Input      string
	Msg        string
	Suggestion string
}

// Error returns the user-facing message.
func (e *Error) Error() string { return e.Msg }

// newError builds an Error whose message is `"<in>" is not a <kind>: <why>`.
func newError(kind Kind, in, why, suggestion string) *Error {
	return &Error{
		Kind:       kind,
		Input:      in,
		Msg:        fmt.Sprintf("%q is not a %s: %s", in, kind, why),
		Suggestion: suggestion,
	}
}

// suggestUnit builds the common "add a unit" error for bare numbers.
func suggestUnit(kind Kind, in, suggestion string) *Error {
	return newError(kind, in, fmt.Sprintf("add a unit such as %q", suggestion), suggestion)
}

// spaceError reports a space inside a value; DPL values never contain one,
// because several targets (Consul, nginx) reject "10 s".
func spaceError(kind Kind, in, fixed string) *Error {
	return newError(kind, in, fmt.Sprintf("remove the space (%q)", fixed), fixed)
}
