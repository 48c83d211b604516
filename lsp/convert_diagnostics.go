package lsp

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// diagnosticSource names dpls in the editor's problem list.
const diagnosticSource = "dpls"

// diagnosticData rides in a diagnostic's `data`, which the client sends
// back in codeAction requests: enough to find the finding, and its fixes,
// in the snapshot that answers the request.
type diagnosticData struct {
	Code  string `json:"code"`
	Start int    `json:"start"` // byte offsets of the finding's span
	End   int    `json:"end"`
	Fixes int    `json:"fixes"`
}

// convertDiagnostic converts one finding, for the diagnostics a code
// action resolves. Publications write the same JSON without building these
// values (diagjson.go); TestDiagnosticJSONMatchesMarshal holds the two to
// the same bytes.
func (s *Server) convertDiagnostic(snap *snapshot, doc *document, d rule.Diagnostic) protocol.Diagnostic {
	pd := protocol.Diagnostic{
		Range:    doc.mapper().Range(d.Span),
		Severity: severity(d.Severity),
		Code:     d.Code,
		Source:   diagnosticSource,
		Message:  d.Message,
	}
	if d.Unnecessary {
		pd.Tags = append(pd.Tags, protocol.DiagnosticTagUnnecessary)
	}
	if d.Deprecated {
		pd.Tags = append(pd.Tags, protocol.DiagnosticTagDeprecated)
	}
	for _, r := range d.Related {
		pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: snap.location(r.Location),
			Message:  r.Message,
		})
	}
	if len(d.Fixes) > 0 {
		pd.Data = diagnosticData{Code: d.Code, Start: d.Span.Start, End: d.Span.End, Fixes: len(d.Fixes)}
	}
	return pd
}

// location converts an analysis location in any file of the snapshot.
func (s *snapshot) location(l rule.Location) protocol.Location {
	loc := protocol.Location{URI: s.uriOf(l.File)}
	if d := s.docs[l.File]; d != nil {
		loc.Range = d.mapper().Range(l.Span)
	}
	return loc
}

func severity(sev rule.Severity) protocol.DiagnosticSeverity {
	switch sev {
	case rule.Error:
		return protocol.DiagnosticSeverityError
	case rule.Warning:
		return protocol.DiagnosticSeverityWarning
	case rule.Info:
		return protocol.DiagnosticSeverityInformation
	}
	return protocol.DiagnosticSeverityHint
}
