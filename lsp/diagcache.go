package lsp

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/grammar"
)

// encodedDiags is one file's publication as sent: the params bytes, the
// findings they encode and where each finding's bytes and holes are. The
// next publication of the file is written from it (see encodeDiagnostics).
type encodedDiags struct {
	doc   *document
	diags []rule.Diagnostic // as the analysis returned them; never modified
	raw   []byte            // the publishDiagnostics params
	items []encodedItem     // items[i] encodes diags[i]
	holes []hole            // positions in raw
	// copied counts the findings copied from the previous publication
	// rather than encoded (for the log and the tests).
	copied int
}

// encodedItem is where one finding sits in raw.
type encodedItem struct {
	start, end int // raw[start:end]
	h0, h1     int // holes[h0:h1]
	foreign    bool
}

// diffText finds the change from old to new by comparing them from both
// ends, in blocks, at memory speed.
func diffText(old, new []byte) grammar.Replacement {
	n := min(len(old), len(new))
	const block = 4096
	p := 0
	for p+block <= n && bytes.Equal(old[p:p+block], new[p:p+block]) {
		p += block
	}
	for p < n && old[p] == new[p] {
		p++
	}
	s, rest := 0, n-p // the common suffix may not overlap the prefix
	for s+block <= rest && bytes.Equal(old[len(old)-s-block:len(old)-s], new[len(new)-s-block:len(new)-s]) {
		s += block
	}
	for s < rest && old[len(old)-s-1] == new[len(new)-s-1] {
		s++
	}
	return grammar.Replacement{Start: p, OldEnd: len(old) - s, NewEnd: len(new) - s}
}

// reuse says which findings of the previous publication may be copied into
// the next, and how their positions move.
//
// A position (line, character) computed by the mapper for an offset o
// depends only on the text from the start of o's line to o (and the byte at
// o). So it is the same in both texts when o lies before the change, and
// for o after the change it is the same but for the line number, shifted by
// the lines the change added, provided o's line starts after the change.
type reuse struct {
	ch        grammar.Replacement
	same      bool // the texts are equal: every position holds
	afterLine int  // the first line start after the change, in the new text
	lines     int  // lines added by the change
	bytes     int  // bytes added by the change
}

func newReuse(prev, next *document) reuse {
	ch, known := next.changeFrom(prev)
	if prev == next || !known && bytes.Equal(prev.text, next.text) {
		return reuse{same: true}
	}
	if !known {
		ch = diffText(prev.text, next.text)
	}
	pm, nm := prev.mapper(), next.mapper()
	r := reuse{ch: ch, lines: nm.lineCount() - pm.lineCount(), bytes: ch.NewEnd - ch.OldEnd}
	r.afterLine = len(next.text) + 1 // none: no offset qualifies
	if l := nm.line(ch.NewEnd) + 1; l < nm.lineCount() {
		r.afterLine = nm.lineStart(l)
	}
	return r
}

// before maps an offset of the new text to the old one when it lies
// before the change.
func (r reuse) before(o int) (int, bool) { return o, r.same || o < r.ch.Start }

// after maps an offset of the new text to the old one when its line starts
// after the change.
func (r reuse) after(o int) (int, bool) {
	if r.same {
		return o, true
	}
	return o - r.bytes, o >= r.afterLine
}

// sameFinding reports whether the new finding d encodes like the old one
// e, its offsets mapped by at: every field the encoding reads is equal.
func sameFinding(name string, d, e *rule.Diagnostic, at func(int) (int, bool)) bool {
	if d.Severity != e.Severity || d.Code != e.Code || d.Message != e.Message ||
		d.Unnecessary != e.Unnecessary || d.Deprecated != e.Deprecated ||
		len(d.Fixes) != len(e.Fixes) || len(d.Related) != len(e.Related) ||
		!sameSpan(d.Span.Start, d.Span.End, e.Span.Start, e.Span.End, at) {
		return false
	}
	for i := range d.Related {
		dr, er := &d.Related[i], &e.Related[i]
		if dr.File != name || er.File != name || dr.Message != er.Message ||
			!sameSpan(dr.Span.Start, dr.Span.End, er.Span.Start, er.Span.End, at) {
			return false
		}
	}
	return true
}

func sameSpan(ds, de, es, ee int, at func(int) (int, bool)) bool {
	s, ok1 := at(ds)
	e, ok2 := at(de)
	return ok1 && ok2 && s == es && e == ee
}

// encodeDiagnostics writes the publishDiagnostics params of doc's
// findings ds. With the file's previous publication prev (nil for none),
// the findings before the change are copied as one run of bytes, those
// after it are copied with their line numbers and offsets moved, and only
// the rest are encoded; the result is byte for byte what encoding them
// all would give.
//
// into, when not nil, is a publication nobody reads any more: its buffers
// are written over rather than allocated again.
func encodeDiagnostics(snap *snapshot, doc *document, ds []rule.Diagnostic, prev, into *encodedDiags) *encodedDiags {
	out := into
	if out == nil {
		out = &encodedDiags{}
	}
	w := &diagWriter{snap: snap, doc: doc, m: doc.mapper(), buf: out.raw[:0], holes: out.holes[:0]}
	if prev != nil {
		w.buf = slices.Grow(w.buf, len(prev.raw)+256)
		w.holes = slices.Grow(w.holes, len(prev.holes)+8)
	}
	w.buf = append(w.buf, `{"uri":`...)
	w.str(string(doc.uri))
	if doc.open {
		w.buf = append(w.buf, `,"version":`...)
		w.buf = strconv.AppendInt(w.buf, int64(doc.version), 10)
	}
	w.buf = append(w.buf, `,"diagnostics":[`...)
	out.doc, out.diags = doc, ds
	out.items = slices.Grow(out.items[:0], len(ds))[:len(ds)] // every item is written below

	head, tail := 0, 0
	var r reuse
	if prev != nil && prev.doc.uri == doc.uri {
		r = newReuse(prev.doc, doc)
		for head < min(len(ds), len(prev.diags)) && !prev.items[head].foreign &&
			sameFinding(doc.name, &ds[head], &prev.diags[head], r.before) {
			head++
		}
		for tail < min(len(ds), len(prev.diags))-head && !prev.items[len(prev.diags)-1-tail].foreign &&
			sameFinding(doc.name, &ds[len(ds)-1-tail], &prev.diags[len(prev.diags)-1-tail], r.after) {
			tail++
		}
	}
	if head > 0 {
		w.copyRun(out.items[:head], prev, prev.items[:head], 0, 0)
	}
	for i := head; i < len(ds)-tail; i++ {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		it := &out.items[i]
		*it = encodedItem{start: len(w.buf), h0: len(w.holes)}
		it.foreign = w.diagnostic(ds[i])
		it.end, it.h1 = len(w.buf), len(w.holes)
	}
	if tail > 0 {
		if len(ds) > tail {
			w.buf = append(w.buf, ',')
		}
		w.copyRun(out.items[len(ds)-tail:], prev, prev.items[len(prev.items)-tail:], r.lines, r.bytes)
	}
	w.buf = append(w.buf, "]}"...)
	out.raw, out.holes, out.copied = w.buf, w.holes, head+tail
	return out
}

// copyRun appends the encoded findings of from (consecutive items of
// prev) with their line numbers moved by lines and offsets by offsets,
// and records them in to.
func (w *diagWriter) copyRun(to []encodedItem, prev *encodedDiags, from []encodedItem, lines, offsets int) {
	first, last := from[0], from[len(from)-1]
	if lines == 0 && offsets == 0 { // the bytes hold as they are: one copy
		shift, hshift := len(w.buf)-first.start, len(w.holes)-first.h0
		w.buf = append(w.buf, prev.raw[first.start:last.end]...)
		for _, h := range prev.holes[first.h0:last.h1] {
			w.holes = append(w.holes, hole{at: h.at + shift, end: h.end + shift, val: h.val, kind: h.kind})
		}
		for i, it := range from {
			to[i] = encodedItem{start: it.start + shift, end: it.end + shift, h0: it.h0 + hshift, h1: it.h1 + hshift}
		}
		return
	}
	for i, it := range from {
		if i > 0 {
			w.buf = append(w.buf, prev.raw[from[i-1].end:it.start]...) // the separator
		}
		t := &to[i]
		*t = encodedItem{start: len(w.buf), h0: len(w.holes)} // to may hold a recycled item
		at := it.start
		for _, h := range prev.holes[it.h0:it.h1] {
			move := lines
			if h.kind == offsetHole {
				move = offsets
			}
			if move == 0 { // the number stays: copy it with the bytes before it
				w.buf = append(w.buf, prev.raw[at:h.end]...)
				w.holes = append(w.holes, hole{at: len(w.buf) - (h.end - h.at), end: len(w.buf), val: h.val, kind: h.kind})
			} else {
				w.buf = append(w.buf, prev.raw[at:h.at]...)
				w.number(h.val+move, h.kind)
			}
			at = h.end
		}
		w.buf = append(w.buf, prev.raw[at:it.end]...)
		t.end, t.h1 = len(w.buf), len(w.holes)
	}
}
