package rule

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/model"
)

// Severity orders findings; lower is more severe, as in LSP.
type Severity int

const (
	Error Severity = iota + 1
	Warning
	Info
	Hint
	// Off disables a rule when set in configuration.
	Off
)

var severityNames = map[Severity]string{Error: "error", Warning: "warning", Info: "info", Hint: "hint", Off: "off"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads a severity name as configuration spells it.
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if name == s {
			return sev, nil
		}
	}
	if s == "information" {
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info, hint or off)", s)
}

// Location is a span of a file, absolute.
type Location struct {
	File string
	Span model.Span
}

// Related points at another place that explains a finding: the other block
// of a cross-block rule.
type Related struct {
	Location
	Message string
}

// TextEdit replaces a span of a file with NewText.
type TextEdit struct {
	Location
	NewText string
}

// Fix is one quick fix: a title and the edits that carry it out.
type Fix struct {
	Title string
	Edits []TextEdit
}

// Diagnostic is one finding, with absolute positions.
type Diagnostic struct {
	Location
	Severity Severity
	Code     string
	Message  string
	Related  []Related
	Fixes    []Fix
	// Unnecessary marks dead settings (editors fade them).
	Unnecessary bool
	// Deprecated marks deprecated settings (editors strike them through).
	Deprecated bool
}
