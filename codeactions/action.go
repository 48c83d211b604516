package codeactions

import (
	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// Kind is a code action kind, spelled as LSP spells it ("quickfix",
// "refactor.rewrite", "source.generate"): a dot separates a kind from its
// sub-kinds, so a request for "refactor" covers "refactor.rewrite".
type Kind string

// QuickFix is the kind of the fixes rules attach to their findings.
const QuickFix Kind = "quickfix"

// Action is one code action.
type Action struct {
	Title string
	Kind  Kind
	// Fixes is the finding the action resolves, when it resolves one.
	Fixes *rule.Diagnostic
	// Edits carry the action out; they may touch several files.
	Edits []rule.TextEdit
	// Preferred marks the action an editor applies for "auto fix": the
	// first fix a rule attached to a finding.
	Preferred bool
}

// Request is where actions are asked for: a byte span of one file of a
// workspace snapshot.
type Request struct {
	Workspace *analysis.Workspace
	File      string
	Span      model.Span
	// Findings are findings the editor named (by code and span) in its
	// request: their fixes are offered even when Span does not touch them,
	// as when the user picks a problem from a list.
	Findings []Finding
	// Only restricts the kinds asked for; empty means every kind.
	Only []Kind
}

// Finding names a diagnostic by code and absolute span.
type Finding struct {
	Code string
	Span model.Span
}

// Matches reports whether f names d.
func (f Finding) Matches(d rule.Diagnostic) bool {
	return f.Code == d.Code && f.Span == d.Span
}
