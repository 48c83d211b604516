package lsp

// The marker tests are the server's feature tests. Each
// testdata/lsp/<feature>/<case>.txtar holds, after a comment saying what it
// checks, the files of a workspace folder and the expectations:
//
//	This case checks that hovering a key explains it.
//	-- a.dpl --
//	fault_tolerance A {
//	  time/*@hover(timeout)*/out: "2s"
//	}
//	-- @hover/timeout --
//	…what the server answered, rendered as text…
//
// Markers are comments `/*@method(name, args…)*/` inside .dpl files. The
// runner removes them before the text reaches the server, so they disturb
// neither parsing nor diagnostics, and remembers where they were: that
// position is the cursor. The runner writes the files into a temporary
// workspace folder, starts a server over a real JSON-RPC pipe, initializes
// it with that folder, waits until the folder is indexed, opens the files
// holding markers and waits for their diagnostics. Their diagnostics are
// compared with the `@diagnostics` section, so an unexpected diagnostic
// fails the case; then every marker's request is sent and its answer,
// rendered as text, is compared with the section `@METHOD/NAME`.
// `go test ./lsp -run Markers -update` rewrites the expectation sections.
//
// Positions are rendered as LSP sends them, 0-based `line:character` in
// UTF-16 units, followed by the text they cover. The methods:
//
//	hover(n)            textDocument/hover
//	complete(n)         textDocument/completion: every item
//	resolve(n, label)   completion, then completionItem/resolve of label
//	def(n)              textDocument/definition
//	refs(n)             textDocument/references, declarations included
//	highlight(n)        textDocument/documentHighlight
//	prepareRename(n)    textDocument/prepareRename
//	rename(n, new)      textDocument/rename: the edited files, or the error
//	codeaction(n)       textDocument/codeAction at the cursor, with the
//	                    published diagnostics there as context: each action
//	                    and the text after applying it
//	symbols(n)          textDocument/documentSymbol
//	wsymbol(n, query)   workspace/symbol
//	folding(n)          textDocument/foldingRange
//	selection(n)        textDocument/selectionRange at the cursor
//	semantic(n)         textDocument/semanticTokens/full, decoded
//	semanticRange(n)    …/range from the marker to /*@end(n)*/
//	inlay(n)            textDocument/inlayHint from the marker to
//	                    /*@end(n)*/, or over the whole file without one
//	format(n)           textDocument/formatting: the formatted text
//	rangeFormat(n)      textDocument/rangeFormatting to /*@end(n)*/
//	diag(CODE)          a diagnostic with CODE starts at the cursor
//
// Other sections: `.dpls.yaml` is written to the folder like the .dpl
// files; `settings.json` is what the client answers to
// workspace/configuration.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

var update = flag.Bool("update", false, "rewrite the expectation sections of testdata/lsp")

func TestMarkers(t *testing.T) {
	cases, err := filepath.Glob("../testdata/lsp/*/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no marker cases found: %v", err)
	}
	for _, path := range cases {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(path), "../testdata/lsp/"), ".txtar")
		t.Run(name, func(t *testing.T) { runMarkerCase(t, path) })
	}
}

// marker is one `/*@method(args)*/` comment.
type marker struct {
	file   string
	offset int // in the text without markers
	method string
	args   []string
}

func (m marker) name() string {
	if len(m.args) == 0 {
		return ""
	}
	return m.args[0]
}

var markerRE = regexp.MustCompile(`/\*@(\w+)(?:\(([^)]*)\))?\*/`)

// stripMarkers removes the markers of one file and returns its text and
// the markers, positioned in that text.
func stripMarkers(file string, src []byte) (string, []marker) {
	var out strings.Builder
	var ms []marker
	last := 0
	for _, loc := range markerRE.FindAllSubmatchIndex(src, -1) {
		out.Write(src[last:loc[0]])
		m := marker{file: file, offset: out.Len(), method: string(src[loc[2]:loc[3]])}
		if loc[4] >= 0 {
			for _, a := range strings.Split(string(src[loc[4]:loc[5]]), ",") {
				m.args = append(m.args, strings.TrimSpace(a))
			}
		}
		ms = append(ms, m)
		last = loc[1]
	}
	out.Write(src[last:])
	return out.String(), ms
}

// markerCase is one txtar case being run.
type markerCase struct {
	t       *testing.T
	c       *client
	dir     string
	texts   map[string]string // file → text without markers
	markers []marker
	ends    map[string]marker // end(name) markers
	got     map[string]string // section → rendered answer
	order   []string
}

func runMarkerCase(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(ar.Comment)) == 0 {
		t.Errorf("%s: the case must open with a sentence saying what it checks", path)
	}
	mc := &markerCase{t: t, dir: t.TempDir(), texts: map[string]string{}, ends: map[string]marker{}, got: map[string]string{}}
	want := map[string]string{}
	var settings any
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "@"):
			want[f.Name] = string(f.Data)
		case f.Name == "settings.json":
			if err := json.Unmarshal(f.Data, &settings); err != nil {
				t.Fatalf("settings.json: %v", err)
			}
		default:
			text, ms := stripMarkers(f.Name, f.Data)
			for _, m := range ms {
				if m.method == "end" {
					mc.ends[m.name()] = m
				} else {
					mc.markers = append(mc.markers, m)
				}
			}
			mc.texts[f.Name] = text
			p := filepath.Join(mc.dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	mc.start(settings)
	mc.checkDiagnostics()
	for _, m := range mc.markers {
		mc.run(m)
	}
	mc.compare(path, ar, want)
}

// start initializes a server on the folder, waits for indexing, opens the
// files with markers and waits for their diagnostics.
func (mc *markerCase) start(settings any) {
	mc.c = startServer(mc.t, Options{})
	mc.c.settings = settings
	mc.c.initialize(map[string]any{
		"window": map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{
			"configuration": settings != nil,
			"workspaceEdit": map[string]any{"documentChanges": true, "resourceOperations": []string{"create"}},
		},
		"textDocument": map[string]any{
			"completion":     map[string]any{"completionItem": map[string]any{"snippetSupport": true}},
			"documentSymbol": map[string]any{"hierarchicalDocumentSymbolSupport": true},
		},
	}, mc.dir)
	mc.c.await("the end of indexing", func() bool {
		for _, n := range mc.c.notes {
			if n.method == "$/progress" && bytes.Contains(n.params, []byte(`"kind":"end"`)) {
				return true
			}
		}
		return false
	})
	if settings != nil {
		mc.c.await("workspace/configuration", func() bool { return slices.Contains(mc.c.asked, "workspace/configuration") })
	}
	for _, f := range mc.openFiles() {
		mc.c.open(mc.uri(f), mc.texts[f])
	}
	for _, f := range mc.openFiles() {
		mc.c.awaitDiagnostics(mc.uri(f), ptr[int32](1))
	}
}

// openFiles are the .dpl files holding markers, sorted.
func (mc *markerCase) openFiles() []string {
	var out []string
	for _, m := range mc.markers {
		if !slices.Contains(out, m.file) {
			out = append(out, m.file)
		}
	}
	sort.Strings(out)
	return out
}

func (mc *markerCase) uri(file string) protocol.DocumentURI {
	return fileURI(filepath.Join(mc.dir, filepath.FromSlash(file)))
}

// file is the inverse of uri.
func (mc *markerCase) file(u protocol.DocumentURI) string {
	rel, err := filepath.Rel(mc.dir, fileName(u))
	if err != nil {
		return string(u)
	}
	return filepath.ToSlash(rel)
}

// record stores a rendered answer under its section name.
func (mc *markerCase) record(section, text string) {
	if _, dup := mc.got[section]; dup {
		mc.t.Errorf("two markers write section %s", section)
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	mc.got[section] = text
	mc.order = append(mc.order, section)
}

// checkDiagnostics renders the diagnostics of the opened files and checks
// the diag markers against them.
func (mc *markerCase) checkDiagnostics() {
	var b strings.Builder
	for _, f := range mc.openFiles() {
		mc.c.mu.Lock()
		p := mc.c.diags[mc.uri(f)]
		mc.c.mu.Unlock()
		for _, d := range p.Diagnostics {
			fmt.Fprintf(&b, "%s %s %s %v: %s\n", f, mc.rng(f, d.Range), d.Code, severityName(d.Severity), d.Message)
		}
		for _, m := range mc.markers {
			if m.method != "diag" || m.file != f {
				continue
			}
			pos := mc.pos(m)
			if !slices.ContainsFunc(p.Diagnostics, func(d protocol.Diagnostic) bool {
				return d.Range.Start == pos && fmt.Sprint(d.Code) == m.name()
			}) {
				mc.t.Errorf("%s: no %s diagnostic starts at %d:%d", f, m.name(), pos.Line, pos.Character)
			}
		}
	}
	mc.record("@diagnostics", b.String())
}

func severityName(s protocol.DiagnosticSeverity) string {
	return [...]string{"?", "error", "warning", "info", "hint"}[min(int(s), 4)]
}

// pos is the LSP position of a marker.
func (mc *markerCase) pos(m marker) protocol.Position {
	return newMapper([]byte(mc.texts[m.file]), utf16).Position(m.offset)
}

// rng renders a range of a file with the text it covers.
func (mc *markerCase) rng(file string, r protocol.Range) string {
	m := newMapper([]byte(mc.texts[file]), utf16)
	s := m.Span(r)
	text := mc.texts[file][s.Start:s.End]
	if len(text) > 40 {
		text = text[:20] + "…" + text[len(text)-19:]
	}
	return fmt.Sprintf("%d:%d-%d:%d %q", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character, text)
}

// rangeOf is the range from a marker to its end marker, or the whole file.
func (mc *markerCase) rangeOf(m marker) protocol.Range {
	mp := newMapper([]byte(mc.texts[m.file]), utf16)
	if end, ok := mc.ends[m.name()]; ok {
		return protocol.Range{Start: mp.Position(m.offset), End: mp.Position(end.offset)}
	}
	return protocol.Range{Start: mp.Position(0), End: mp.Position(len(mc.texts[m.file]))}
}

// compare checks (or with -update rewrites) the expectation sections.
func (mc *markerCase) compare(path string, ar *txtar.Archive, want map[string]string) {
	if *update {
		var files []txtar.File
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "@") {
				files = append(files, f)
			}
		}
		for _, s := range mc.order {
			files = append(files, txtar.File{Name: s, Data: []byte(mc.got[s])})
		}
		ar.Files = files
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			mc.t.Fatal(err)
		}
		return
	}
	for _, s := range mc.order {
		w, ok := want[s]
		switch {
		case !ok:
			mc.t.Errorf("section %s is missing; got:\n%s", s, mc.got[s])
		case w != mc.got[s]:
			mc.t.Errorf("section %s:\ngot:\n%s\nwant:\n%s", s, mc.got[s], w)
		}
	}
	for s := range want {
		if _, ok := mc.got[s]; !ok {
			mc.t.Errorf("section %s matches no marker", s)
		}
	}
}
