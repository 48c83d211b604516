package report

import (
	"encoding/json"
	"io"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// JSONVersion is the version of the JSON schema below. Adding a property
// keeps it; renaming, removing or changing the meaning of one bumps it.
const JSONVersion = 1

// JSON writes the findings as one JSON document for scripts:
//
//	{
//	  "version": 1,
//	  "diagnostics": [
//	    {
//	      "file": "svc/orders.dpl",        // as dpls check names it
//	      "range": {                       // [start, end)
//	        "start": {"line": 3, "column": 12, "offset": 57},
//	        "end":   {"line": 3, "column": 27, "offset": 72}
//	      },
//	      "severity": "warning",           // error | warning | info | hint
//	      "code": "FT001",
//	      "message": "…",
//	      "related": [ {"file": …, "range": …, "message": "…"} ],
//	      "fixes":   [ {"title": "…", "edits": [ {"file": …, "range": …, "newText": "…"} ]} ]
//	    }
//	  ]
//	}
//
// Lines and columns are 1-based, columns in bytes; offsets are 0-based
// bytes from the start of the file. Arrays are always present (empty, never
// null), so a script need not test for them.
func JSON(w io.Writer, r Report) error {
	src := newSources(r.Sources)
	out := jsonReport{Version: JSONVersion, Diagnostics: make([]jsonDiagnostic, 0, len(r.Diagnostics))}
	for _, d := range r.Diagnostics {
		jd := jsonDiagnostic{
			File: d.File, Range: jsonSpan(src, d.Location), Severity: d.Severity.String(),
			Code: d.Code, Message: d.Message, Related: []jsonRelated{}, Fixes: []jsonFix{},
		}
		for _, rel := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{File: rel.File, Range: jsonSpan(src, rel.Location), Message: rel.Message})
		}
		for _, f := range d.Fixes {
			jf := jsonFix{Title: f.Title, Edits: []jsonEdit{}}
			for _, e := range f.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{File: e.File, Range: jsonSpan(src, e.Location), NewText: e.NewText})
			}
			jd.Fixes = append(jd.Fixes, jf)
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

type jsonReport struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	File     string        `json:"file"`
	Range    jsonRange     `json:"range"`
	Severity string        `json:"severity"`
	Code     string        `json:"code"`
	Message  string        `json:"message"`
	Related  []jsonRelated `json:"related"`
	Fixes    []jsonFix     `json:"fixes"`
}

type jsonRelated struct {
	File    string    `json:"file"`
	Range   jsonRange `json:"range"`
	Message string    `json:"message"`
}

type jsonFix struct {
	Title string     `json:"title"`
	Edits []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File    string    `json:"file"`
	Range   jsonRange `json:"range"`
	NewText string    `json:"newText"`
}

type jsonRange struct {
	Start jsonPos `json:"start"`
	End   jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

func jsonSpan(src *sources, loc rule.Location) jsonRange {
	start, end := src.span(loc.File, loc.Span.Start, loc.Span.End)
	return jsonRange{
		Start: jsonPos{Line: start.Line, Column: start.Column, Offset: start.Offset},
		End:   jsonPos{Line: end.Line, Column: end.Column, Offset: end.Offset},
	}
}
