package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// ANSI styles of the text format, gcc's palette.
const (
	styleBold   = "\x1b[1m"
	styleReset  = "\x1b[0m"
	styleCaret  = "\x1b[1;32m"
	styleNote   = "\x1b[1;36m"
	styleError  = "\x1b[1;31m"
	styleWarn   = "\x1b[1;35m"
	styleInfo   = "\x1b[1;34m"
	styleGutter = "\x1b[34m"
)

// Text writes each finding as the compilers do:
//
//	file:line:col: severity: message [ID]
//	    3 |   retry: { max_attempts: 6 }
//	      |            ^~~~~~~~~~~~~~~
//
// then a `note:` line and source line for each related location, and last a
// count of the findings by severity (nothing at all when there are none).
// The underline starts at the finding's first character and runs to its end
// or to the end of its first line; an empty range gets a lone caret.
func Text(w io.Writer, r Report, o Options) error {
	t := &textWriter{w: bufio.NewWriter(w), src: newSources(r.Sources), color: o.Color}
	counts := map[rule.Severity]int{}
	for _, d := range r.Diagnostics {
		counts[d.Severity]++
		sev := d.Severity.String()
		t.finding(d.Location, sev, severityStyle(d.Severity), d.Message+" "+t.paint(severityStyle(d.Severity), "["+d.Code+"]"))
		for _, rel := range d.Related {
			t.finding(rel.Location, "note", styleNote, rel.Message)
		}
	}
	if len(r.Diagnostics) > 0 {
		fmt.Fprintln(t.w, t.paint(styleBold, summary(len(r.Diagnostics), counts)))
	}
	return t.w.Flush()
}

type textWriter struct {
	w     *bufio.Writer
	src   *sources
	color bool
}

func (t *textWriter) paint(style, s string) string {
	if !t.color {
		return s
	}
	return style + s + styleReset
}

// finding writes the header line of one location and its source snippet.
func (t *textWriter) finding(loc rule.Location, label, style, msg string) {
	start, end := t.src.span(loc.File, loc.Span.Start, loc.Span.End)
	where := fmt.Sprintf("%s:%d:%d:", loc.File, start.Line, start.Column)
	fmt.Fprintf(t.w, "%s %s %s\n", t.paint(styleBold, where), t.paint(style, label+":"), msg)
	if _, ok := t.src.text[loc.File]; ok {
		t.snippet(t.src.lines(loc.File), start, end)
	}
}

// snippet writes the start line of a range and the underline beneath it.
func (t *textWriter) snippet(l *lines, start, end pos) {
	raw := l.text(start.Line)
	shown, cols := displayLine(raw)
	from := min(start.Column-1, len(raw))
	to := len(raw)
	if end.Line == start.Line {
		to = max(from, min(end.Column-1, len(raw)))
	}
	width := max(1, cols[to]-cols[from])
	num := strconv.Itoa(start.Line)
	pad := max(4, len(num))
	gutter := t.paint(styleGutter, fmt.Sprintf(" %*s |", pad, num))
	blank := t.paint(styleGutter, fmt.Sprintf(" %*s |", pad, ""))
	fmt.Fprintf(t.w, "%s %s\n", gutter, shown)
	mark := "^" + strings.Repeat("~", width-1)
	fmt.Fprintf(t.w, "%s %s%s\n", blank, strings.Repeat(" ", cols[from]), t.paint(styleCaret, mark))
}

func severityStyle(s rule.Severity) string {
	switch s {
	case rule.Error:
		return styleError
	case rule.Warning:
		return styleWarn
	case rule.Info:
		return styleInfo
	}
	return styleNote
}

// summary is the closing line, e.g. "3 problems (1 error, 2 warnings)".
func summary(total int, counts map[rule.Severity]int) string {
	var parts []string
	for _, s := range []rule.Severity{rule.Error, rule.Warning, rule.Info, rule.Hint} {
		if n := counts[s]; n > 0 {
			parts = append(parts, plural(n, s.String()))
		}
	}
	return fmt.Sprintf("%s (%s)", plural(total, "problem"), strings.Join(parts, ", "))
}

// plural counts n things; "info" is a mass noun.
func plural(n int, word string) string {
	if n != 1 && word != "info" {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}
