package lsp

import (
	"strconv"

	"github.com/segmentio/encoding/json"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// The publisher writes publishDiagnostics params itself instead of
// converting to protocol.Diagnostic and marshalling: it can then note
// where each number that depends on the finding's position sits in the
// output (a hole), and the next round copies the bytes of findings the
// edit did not touch, rewriting only those numbers (diagcache.go). The
// bytes are exactly what json.Marshal of the converted params gives;
// TestDiagnosticJSONMatchesMarshal holds the two together.

// holeKind says how a number in an encoded diagnostic moves when an edit
// before it adds or removes text.
type holeKind uint8

const (
	// lineHole is a line number: it moves by the lines the edit added.
	lineHole holeKind = iota
	// offsetHole is a byte offset (the span in the data): it moves by the
	// bytes the edit added.
	offsetHole
)

// hole is a position-dependent number inside an encoded publication.
type hole struct {
	at, end int // the number's bytes
	val     int
	kind    holeKind
}

// diagWriter appends encoded diagnostics of one document to buf, noting
// their holes.
type diagWriter struct {
	snap  *snapshot
	doc   *document
	m     *mapper
	buf   []byte
	holes []hole
}

// number appends n as a hole of kind.
func (w *diagWriter) number(n int, kind holeKind) {
	at := len(w.buf)
	w.buf = strconv.AppendInt(w.buf, int64(n), 10)
	w.holes = append(w.holes, hole{at: at, end: len(w.buf), val: n, kind: kind})
}

func (w *diagWriter) str(s string) { w.buf = json.AppendEscape(w.buf, s, json.EscapeHTML) }

// position appends a position of this document; its line is a hole.
func (w *diagWriter) position(p protocol.Position) {
	w.buf = append(w.buf, `{"line":`...)
	w.number(int(p.Line), lineHole)
	w.buf = append(w.buf, `,"character":`...)
	w.buf = strconv.AppendUint(w.buf, uint64(p.Character), 10)
	w.buf = append(w.buf, '}')
}

// localRange appends the range of a span of this document.
func (w *diagWriter) localRange(s model.Span) {
	r := w.m.Range(s)
	w.buf = append(w.buf, `{"start":`...)
	w.position(r.Start)
	w.buf = append(w.buf, `,"end":`...)
	w.position(r.End)
	w.buf = append(w.buf, '}')
}

// foreignRange appends a range of another file: no holes, since an edit
// of this document does not move it.
func (w *diagWriter) foreignRange(r protocol.Range) {
	w.buf = append(w.buf, `{"start":{"line":`...)
	w.buf = strconv.AppendUint(w.buf, uint64(r.Start.Line), 10)
	w.buf = append(w.buf, `,"character":`...)
	w.buf = strconv.AppendUint(w.buf, uint64(r.Start.Character), 10)
	w.buf = append(w.buf, `},"end":{"line":`...)
	w.buf = strconv.AppendUint(w.buf, uint64(r.End.Line), 10)
	w.buf = append(w.buf, `,"character":`...)
	w.buf = strconv.AppendUint(w.buf, uint64(r.End.Character), 10)
	w.buf = append(w.buf, `}}`...)
}

// diagnostic appends d as convertDiagnostic converts it. It reports
// whether d points into another file, whose positions an edit of this
// document cannot vouch for: such a finding is always encoded afresh.
func (w *diagWriter) diagnostic(d rule.Diagnostic) (foreign bool) {
	w.buf = append(w.buf, `{"range":`...)
	w.localRange(d.Span)
	w.buf = append(w.buf, `,"severity":`...)
	w.buf = strconv.AppendInt(w.buf, int64(severity(d.Severity)), 10)
	w.buf = append(w.buf, `,"code":`...)
	w.str(d.Code)
	w.buf = append(w.buf, `,"source":"`+diagnosticSource+`","message":`...)
	w.str(d.Message)
	switch {
	case d.Unnecessary && d.Deprecated:
		w.buf = append(w.buf, `,"tags":[1,2]`...)
	case d.Unnecessary:
		w.buf = append(w.buf, `,"tags":[1]`...)
	case d.Deprecated:
		w.buf = append(w.buf, `,"tags":[2]`...)
	}
	if len(d.Related) > 0 {
		w.buf = append(w.buf, `,"relatedInformation":[`...)
		for i, r := range d.Related {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			w.buf = append(w.buf, `{"location":{"uri":`...)
			if r.File == w.doc.name {
				w.str(string(w.doc.uri))
				w.buf = append(w.buf, `,"range":`...)
				w.localRange(r.Span)
			} else {
				foreign = true
				loc := w.snap.location(r.Location)
				w.str(string(loc.URI))
				w.buf = append(w.buf, `,"range":`...)
				w.foreignRange(loc.Range)
			}
			w.buf = append(w.buf, `},"message":`...)
			w.str(r.Message)
			w.buf = append(w.buf, '}')
		}
		w.buf = append(w.buf, ']')
	}
	if len(d.Fixes) > 0 {
		w.buf = append(w.buf, `,"data":{"code":`...)
		w.str(d.Code)
		w.buf = append(w.buf, `,"start":`...)
		w.number(d.Span.Start, offsetHole)
		w.buf = append(w.buf, `,"end":`...)
		w.number(d.Span.End, offsetHole)
		w.buf = append(w.buf, `,"fixes":`...)
		w.buf = strconv.AppendInt(w.buf, int64(len(d.Fixes)), 10)
		w.buf = append(w.buf, '}')
	}
	w.buf = append(w.buf, '}')
	return foreign
}
