package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// GitHub writes one workflow command per finding, which GitHub Actions turns
// into an annotation on the file and lines of a pull request:
//
//	::warning file=svc/orders.dpl,line=3,endLine=3,col=12,endColumn=27,title=FT001::message
//
// Errors are `error`, warnings `warning`, info and hints `notice`. File paths
// are relative to the repository root and columns count UTF-16 code units,
// as in SARIF. Related locations follow the message on lines of their own.
// Values are escaped as the runner's command parser expects: %, CR and LF in
// the message; those and `:` and `,` in properties.
func GitHub(w io.Writer, r Report, o Options) error {
	src := newSources(r.Sources)
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics {
		start, end := src.span(d.File, d.Span.Start, d.Span.End)
		file, _ := o.relPath(d.File)
		msg := d.Message
		for _, rel := range d.Related {
			rs, _ := src.span(rel.File, rel.Span.Start, rel.Span.End)
			rf, _ := o.relPath(rel.File)
			msg += fmt.Sprintf("\n%s:%d:%d: %s", rf, rs.Line, rs.UTF16, rel.Message)
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n",
			githubLevel(d.Severity), escapeProperty(file), start.Line, end.Line, start.UTF16, end.UTF16,
			escapeProperty(d.Code), escapeData(msg))
	}
	return bw.Flush()
}

func githubLevel(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "error"
	case rule.Warning:
		return "warning"
	}
	return "notice"
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a command's message, as @actions/core's escapeData.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a command property's value, as @actions/core's
// escapeProperty.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
