package lsp

import (
	"bytes"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// convertAll converts the findings of one document as the publisher did
// before it wrote publications itself; never nil, so an empty list is
// published as [] (which clears the editor's list).
func convertAll(snap *snapshot, doc *document, ds []rule.Diagnostic) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(ds))
	for _, d := range ds {
		out = append(out, (&Server{}).convertDiagnostic(snap, doc, d))
	}
	return out
}

// reference is the unoptimised publication: every finding converted and
// the params marshalled, as the publisher did before it reused bytes.
func reference(t *testing.T, snap *snapshot, doc *document) []byte {
	t.Helper()
	params := protocol.PublishDiagnosticsParams{URI: doc.uri, Diagnostics: convertAll(snap, doc, snap.ws.Diagnostics(doc.name))}
	if doc.open {
		params.Version = &doc.version
	}
	raw, err := encode(params)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestDiagnosticJSONMatchesMarshal encodes the findings of every version
// of documents under random edits — spaces, line breaks, multi-byte and
// astral characters, CRLF, deletions across lines, full replacements —
// each time from the previous publication, and requires the bytes to be
// exactly the unoptimised conversion's. A second file shares block names,
// so findings point across files. The counters at the end make sure the
// reuse paths were taken at all.
func TestDiagnosticJSONMatchesMarshal(t *testing.T) {
	for _, enc := range []encoding{utf16, utf8Bytes} {
		t.Run(enc.String(), func(t *testing.T) { checkEncodingUnderEdits(t, enc) })
	}
	t.Run("no findings", func(t *testing.T) {
		const name = "/ws/clean.dpl"
		text := []byte("fault_tolerance A {\n  timeout: \"2s\"\n}\n")
		doc := newDocument(name, fileURI(name), text, utf16)
		snap := &snapshot{ws: analysis.New(analysis.Config{}).SetFile(name, text), docs: map[string]*document{name: doc}}
		got := encodeDiagnostics(snap, doc, snap.ws.Diagnostics(name), nil, nil)
		if want := reference(t, snap, doc); !bytes.Equal(got.raw, want) || !bytes.HasSuffix(want, []byte(`"diagnostics":[]}`)) {
			t.Errorf("got %s, want %s", got.raw, want)
		}
	})
}

func checkEncodingUnderEdits(t *testing.T, enc encoding) {
	base := testgen.Workspace(400)
	other := testgen.Workspace(60) // the same blocks: duplicate names across files
	const nameA, nameB = "/ws/a.dpl", "/ws/b.dpl"
	ws := analysis.New(analysis.Config{}).SetFile(nameA, base).SetFile(nameB, other)
	docA := newDocument(nameA, fileURI(nameA), base, enc)
	docA.open, docA.version = true, 1
	docB := newDocument(nameB, fileURI(nameB), other, enc) // not open: no version
	snap := &snapshot{ws: ws, docs: map[string]*document{nameA: docA, nameB: docB}}

	var prevA, prevB *encodedDiags
	pub := &publisher{} // recycles replaced publications, as in the server
	check := func(step int) {
		t.Helper()
		for _, c := range []struct {
			doc  *document
			prev **encodedDiags
		}{{snap.docs[nameA], &prevA}, {snap.docs[nameB], &prevB}} {
			got := encodeDiagnostics(snap, c.doc, snap.ws.Diagnostics(c.doc.name), *c.prev, pub.spare)
			pub.spare = nil
			// Recycled buffers must not leak into what is kept.
			if clean := encodeDiagnostics(snap, c.doc, snap.ws.Diagnostics(c.doc.name), *c.prev, nil); !slices.Equal(got.items, clean.items) || !slices.Equal(got.holes, clean.holes) {
				t.Fatalf("step %d, %s: writing into recycled buffers keeps other items or holes than writing afresh", step, c.doc.name)
			}
			if want := reference(t, snap, c.doc); !bytes.Equal(got.raw, want) {
				t.Fatalf("step %d, %s: encoding differs from json.Marshal at byte %d:\n got %s\nwant %s",
					step, c.doc.name, diffText(got.raw, want).Start, clip(got.raw, want), clip(want, got.raw))
			}
			pub.recycle(*c.prev)
			*c.prev = got
		}
	}
	check(0)

	rng := rand.New(rand.NewPCG(7, uint64(enc)))
	inserts := []string{" ", "x", "\n", "\r", "\r\n", "é", "😀", "  timeout: 2\n", "\n\n", "}"}
	foreign, copied := 0, 0
	for step := 1; step <= 300; step++ {
		doc := snap.docs[nameA]
		m := doc.mapper()
		var next *mapper
		var hint *grammar.Replacement
		if step%97 == 0 { // a full replacement
			next = newMapper(append(bytes.Clone(base[:len(base)/2]), "fault_tolerance X {\n}\n"...), enc)
			snap = &snapshot{ws: snap.ws.SetFile(nameA, next.src), docs: snap.docs}
		} else {
			start := rng.IntN(len(m.src) + 1)
			if ds := snap.ws.Diagnostics(nameA); len(ds) > 0 && rng.IntN(3) == 0 {
				// At a finding's edge, where positions are most fragile:
				// the byte under a position and the line break before it.
				d := ds[rng.IntN(len(ds))]
				start = min(len(m.src), []int{d.Span.Start, d.Span.End}[rng.IntN(2)])
			}
			end := min(len(m.src), start+[]int{0, 0, 1, 3, 40}[rng.IntN(5)])
			text := inserts[rng.IntN(len(inserts))]
			if end > start && rng.IntN(2) == 0 {
				text = ""
			}
			var e grammar.Edit
			next, e = m.apply(start, end, []byte(text), nil)
			hint = &grammar.Replacement{Start: start, OldEnd: end, NewEnd: start + len(text)}
			snap = &snapshot{ws: snap.ws.EditFile(nameA, next.src, []grammar.Edit{e}), docs: snap.docs}
		}
		nd := newDocument(nameA, doc.uri, next.src, enc).withMapper(next)
		nd.open, nd.version = true, doc.version+1
		if hint != nil && step%2 == 0 { // as didChange records it; odd steps compare the texts
			nd.editedFrom(doc, *hint)
		}
		snap = snap.with(snap.ws, nameA, nd)
		check(step)
		copied += prevA.copied
		for _, it := range append(prevA.items, prevB.items...) {
			if it.foreign {
				foreign++
			}
		}
	}
	if foreign == 0 {
		t.Error("no finding pointed into the other file: the foreign path went untested")
	}
	if copied == 0 {
		t.Error("no finding was copied from a previous publication")
	}
	t.Logf("%d findings copied, %d pointing into the other file", copied, foreign)
}

// clip shows a around the first difference from b.
func clip(a, b []byte) string {
	i := diffText(a, b).Start
	return string(a[max(0, i-80):min(len(a), i+80)])
}

func TestDiffText(t *testing.T) {
	long := bytes.Repeat([]byte("abcdefgh"), 2000)
	tests := []struct {
		old, new string
		want     grammar.Replacement
	}{
		{"hello", "hello", grammar.Replacement{Start: 5, OldEnd: 5, NewEnd: 5}},
		{"hello", "help", grammar.Replacement{Start: 3, OldEnd: 5, NewEnd: 4}},
		{"aaa", "aaaa", grammar.Replacement{Start: 3, OldEnd: 3, NewEnd: 4}}, // the prefix wins; the suffix may not overlap it
		{"", "x", grammar.Replacement{Start: 0, OldEnd: 0, NewEnd: 1}},
		{"abc", "", grammar.Replacement{Start: 0, OldEnd: 3, NewEnd: 0}},
		{string(long), string(long[:5000]) + "Z" + string(long[5000:]), grammar.Replacement{Start: 5000, OldEnd: 5000, NewEnd: 5001}},
		{string(long), string(long[:9000]) + string(long[9100:]), grammar.Replacement{Start: 9000, OldEnd: 9100, NewEnd: 9000}},
	}
	for _, tt := range tests {
		if got := diffText([]byte(tt.old), []byte(tt.new)); got != tt.want {
			t.Errorf("diffText(%.20q…, %.20q…) = %+v, want %+v", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestTextChangeThen composes random sequences of edits and checks that
// the composed change describes the texts at both ends: equal before its
// start, equal after its ends.
func TestTextChangeThen(t *testing.T) {
	if got, want := (grammar.Replacement{Start: 2, OldEnd: 5, NewEnd: 3}).Then(grammar.Replacement{Start: 10, OldEnd: 10, NewEnd: 12}), (grammar.Replacement{Start: 2, OldEnd: 12, NewEnd: 12}); got != want {
		t.Errorf("then = %+v, want %+v", got, want)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		old := []byte("0123456789abcdefghijklmnopqrstuvwxyz")
		cur := bytes.Clone(old)
		var all grammar.Replacement
		for i := range 1 + rng.IntN(4) {
			start := rng.IntN(len(cur) + 1)
			end := min(len(cur), start+rng.IntN(6))
			text := bytes.Repeat([]byte{'#'}, rng.IntN(4))
			cur = append(append(bytes.Clone(cur[:start]), text...), cur[end:]...)
			step := grammar.Replacement{Start: start, OldEnd: end, NewEnd: start + len(text)}
			if i == 0 {
				all = step
			} else {
				all = all.Then(step)
			}
		}
		if all.Start > all.OldEnd || all.Start > all.NewEnd || all.OldEnd > len(old) || all.NewEnd > len(cur) ||
			!bytes.Equal(old[:all.Start], cur[:all.Start]) || !bytes.Equal(old[all.OldEnd:], cur[all.NewEnd:]) {
			t.Fatalf("composed %+v does not describe %q → %q", all, old, cur)
		}
	}
}

// TestChangeFromWalksVersions records three edits as didChange does and
// asks for the change across all of them, and across none that connect.
func TestChangeFromWalksVersions(t *testing.T) {
	v1 := newDocument("a", "file:///a", []byte("hello world"), utf16)
	v2 := newDocument("a", "file:///a", []byte("hello, world"), utf16).editedFrom(v1, grammar.Replacement{Start: 5, OldEnd: 5, NewEnd: 6})
	v3 := newDocument("a", "file:///a", []byte("hello, world!"), utf16).editedFrom(v2, grammar.Replacement{Start: 12, OldEnd: 12, NewEnd: 13})
	v4 := newDocument("a", "file:///a", []byte("jello, world!"), utf16).editedFrom(v3, grammar.Replacement{Start: 0, OldEnd: 1, NewEnd: 1})
	if got, ok := v4.changeFrom(v1); !ok || got != (grammar.Replacement{Start: 0, OldEnd: 11, NewEnd: 13}) {
		t.Errorf("v4 from v1: %+v %v, want {0 11 13} true", got, ok)
	}
	if got, ok := v3.changeFrom(v2); !ok || got != (grammar.Replacement{Start: 12, OldEnd: 12, NewEnd: 13}) {
		t.Errorf("v3 from v2: %+v %v, want {12 12 13} true", got, ok)
	}
	other := newDocument("a", "file:///a", []byte("hello world"), utf16)
	if _, ok := v4.changeFrom(other); ok {
		t.Error("v4 from an unrelated version: found a change")
	}
	runtime.KeepAlive([]*document{v1, v2, v3, v4})
}
