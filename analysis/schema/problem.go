package schema

// Diagnostic codes produced by type checks. GEN001 and GEN002 are the
// schema-driven rules of rules.md §2; GEN003 is the hint the spec asks for
// when a count or ratio is written as a numeric string.
const (
	CodeMalformed    = "GEN001" // value does not parse as its type (incl. unknown enum member)
	CodeOutOfRange   = "GEN002" // value outside the hard range a target enforces
	CodeNumberString = "GEN003" // numeric string where a number is expected (accepted)
)

// Severity of a Problem, in LSP order.
type Severity int

// Severities map one-to-one to LSP DiagnosticSeverity values.
const (
	SeverityError   Severity = 1
	SeverityWarning Severity = 2
	SeverityInfo    Severity = 3
	SeverityHint    Severity = 4
)

// Problem is one finding about a value. Message is the diagnostic text.
// Suggestion is a short human description of the fix ("did you mean
// \"exponential\"?"); Replacement, when set, is the literal the quick fix
// writes in place of the value (render it with Literal.Source).
type Problem struct {
	Code        string
	Severity    Severity
	Message     string
	Suggestion  string
	Replacement *Literal
}

// malformed builds a GEN001 error with an optional replacement.
func malformed(msg string, fix *Literal) Problem {
	p := Problem{Code: CodeMalformed, Severity: SeverityError, Message: msg, Replacement: fix}
	if fix != nil {
		p.Suggestion = "write " + fix.Source()
	}
	return p
}

// numberStringHint is the GEN003 hint for `"1000"` where 1000 is meant.
func numberStringHint(subject, text string) Problem {
	fix := Num(text)
	return Problem{
		Code:        CodeNumberString,
		Severity:    SeverityHint,
		Message:     subject + " is a number: write " + text + " without quotes",
		Suggestion:  "write " + text,
		Replacement: &fix,
	}
}

// litPtr returns a pointer to l, for Problem.Replacement.
func litPtr(l Literal) *Literal { return &l }

// hasErrors reports whether any problem is an error.
func hasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}
