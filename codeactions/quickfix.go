package codeactions

import (
	"slices"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	Register(Source{Name: "quickfix", Kinds: []Kind{QuickFix}, Actions: quickFixes})
}

// quickFixes offers the fixes attached to the findings of the file that
// touch the requested span, or that the request names. The first fix of a
// finding is the preferred one: rules list their best fix first.
func quickFixes(r Request) []Action {
	var out []Action
	for _, d := range r.Workspace.Diagnostics(r.File) {
		if len(d.Fixes) == 0 || !(touches(d, r) || slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Matches(d) })) {
			continue
		}
		for i, fix := range d.Fixes {
			out = append(out, Action{
				Title:     fix.Title,
				Kind:      QuickFix,
				Fixes:     &d,
				Edits:     fix.Edits,
				Preferred: i == 0,
			})
		}
	}
	return out
}

// touches treats both spans as closed: a cursor just after a finding (at
// its end offset) is still on it, as editors place the cursor after the
// word the user just typed.
func touches(d rule.Diagnostic, r Request) bool {
	return d.File == r.File && d.Span.Start <= r.Span.End && r.Span.Start <= d.Span.End
}
