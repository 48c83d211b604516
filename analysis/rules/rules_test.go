package rules_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// A case is testdata/NAME.txtar: a workspace of .dpl files (and optionally
// a .dpls.yaml), a comment whose `codes:` line says which rule codes the
// case pins (`*` for all), and a `want` section listing exactly the
// diagnostics of those codes, one per line with its related locations and
// fixes indented below it. See render for the line format.
type ruleCase struct {
	path    string
	archive *txtar.Archive
	codes   map[string]bool // nil: every code
	ws      *analysis.Workspace
	files   []string
}

func loadCases(t *testing.T) []*ruleCase {
	t.Helper()
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var cases []*ruleCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c := &ruleCase{path: p, archive: txtar.Parse(data)}
		c.codes = parseCodes(t, p, string(c.archive.Comment))
		cfg := analysis.Config{}
		ws := analysis.New(cfg)
		for _, f := range c.archive.Files {
			switch {
			case f.Name == analysis.ConfigFileName:
				cfg, err = analysis.ParseConfig(f.Data)
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
			case strings.HasSuffix(f.Name, ".dpl"):
				ws = ws.SetFile(f.Name, f.Data)
				c.files = append(c.files, f.Name)
			}
		}
		c.ws = ws.WithConfig(cfg)
		cases = append(cases, c)
	}
	return cases
}

func parseCodes(t *testing.T, path, comment string) map[string]bool {
	for _, line := range strings.Split(comment, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "codes:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 1 && fields[0] == "*" {
			return nil
		}
		m := map[string]bool{}
		for _, f := range fields {
			m[f] = true
		}
		return m
	}
	t.Fatalf("%s: no `codes:` line in the comment", path)
	return nil
}

func (c *ruleCase) diagnostics() []rule.Diagnostic {
	var out []rule.Diagnostic
	for _, name := range c.files {
		for _, d := range c.ws.Diagnostics(name) {
			if c.codes == nil || c.codes[d.Code] {
				out = append(out, d)
			}
		}
	}
	return out
}

func (c *ruleCase) src(name string) []byte {
	for _, f := range c.archive.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// pos renders a span as file:line:col-line:col, 1-based, columns in bytes.
func (c *ruleCase) pos(file string, start, end int) string {
	src := c.src(file)
	l1, c1 := lineCol(src, start)
	l2, c2 := lineCol(src, end)
	return fmt.Sprintf("%s:%d:%d-%d:%d", file, l1, c1, l2, c2)
}

func lineCol(src []byte, off int) (int, int) {
	if off > len(src) {
		off = len(src)
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
	return line, col
}

// render is the want format:
//
//	a.dpl:3:19-3:20 warning FT001 message
//		related a.dpl:1:1-1:16 message
//		fix "title"
//			edit a.dpl:3:19-3:20 "new text"
func (c *ruleCase) render(ds []rule.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s %s %s %s\n", c.pos(d.File, d.Span.Start, d.Span.End), d.Severity, d.Code, d.Message)
		for _, r := range d.Related {
			fmt.Fprintf(&b, "\trelated %s %s\n", c.pos(r.File, r.Span.Start, r.Span.End), r.Message)
		}
		for _, f := range d.Fixes {
			fmt.Fprintf(&b, "\tfix %q\n", f.Title)
			for _, e := range f.Edits {
				fmt.Fprintf(&b, "\t\tedit %s %s\n", c.pos(e.File, e.Span.Start, e.Span.End), strconv.Quote(e.NewText))
			}
		}
	}
	return b.String()
}

func failOnRulePanic(t *testing.T) {
	analysis.PanicHook = func(code string, v any, stack []byte) {
		t.Errorf("rule %s panicked: %v\n%s", code, v, stack)
	}
	t.Cleanup(func() { analysis.PanicHook = nil })
}

// TestCases compares each case's diagnostics with its want section.
func TestCases(t *testing.T) {
	failOnRulePanic(t)
	for _, c := range loadCases(t) {
		t.Run(strings.TrimSuffix(filepath.Base(c.path), ".txtar"), func(t *testing.T) {
			got := c.render(c.diagnostics())
			if *update {
				writeWant(t, c, got)
				return
			}
			want := ""
			for _, f := range c.archive.Files {
				if f.Name == "want" {
					want = string(f.Data)
				}
			}
			if got != want {
				t.Errorf("%s: diagnostics differ (run with -update to accept)\n--- got\n%s--- want\n%s", c.path, got, want)
			}
		})
	}
}

func writeWant(t *testing.T, c *ruleCase, got string) {
	t.Helper()
	found := false
	for i := range c.archive.Files {
		if c.archive.Files[i].Name == "want" {
			c.archive.Files[i].Data = []byte(got)
			found = true
		}
	}
	if !found {
		c.archive.Files = append(c.archive.Files, txtar.File{Name: "want", Data: []byte(got)})
	}
	if err := os.WriteFile(c.path, txtar.Format(c.archive), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFixesKeepSyntax applies every quick fix of every case and checks the
// result still parses: a fix must never break the file it repairs.
func TestFixesKeepSyntax(t *testing.T) {
	failOnRulePanic(t)
	for _, c := range loadCases(t) {
		for _, d := range c.diagnostics() {
			for _, f := range d.Fixes {
				files := map[string][]byte{}
				for _, name := range c.files {
					files[name] = c.src(name)
				}
				for name, src := range applyEdits(files, f.Edits) {
					ws := analysis.New(analysis.Config{}).SetFile(name, src)
					for _, after := range ws.Diagnostics(name) {
						if after.Code == rule.SyntaxCode {
							t.Errorf("%s: fix %q of %s breaks %s: %s\n%s", c.path, f.Title, d.Code, name, after.Message, src)
						}
					}
				}
			}
		}
	}
}

func applyEdits(files map[string][]byte, edits []rule.TextEdit) map[string][]byte {
	byFile := map[string][]rule.TextEdit{}
	for _, e := range edits {
		byFile[e.File] = append(byFile[e.File], e)
	}
	out := map[string][]byte{}
	for name, es := range byFile {
		sort.Slice(es, func(i, j int) bool { return es[i].Span.Start > es[j].Span.Start })
		src := append([]byte(nil), files[name]...)
		for _, e := range es {
			src = append(src[:e.Span.Start:e.Span.Start], append([]byte(e.NewText), src[e.Span.End:]...)...)
		}
		out[name] = src
	}
	return out
}

// TestEveryRuleDocumentedAndTested fails for a rule without a title, without
// documentation, without a case that fires it, or without a file in its
// cases where it stays quiet (the nearest correct configuration).
func TestEveryRuleDocumentedAndTested(t *testing.T) {
	failOnRulePanic(t)
	fires := map[string]bool{}
	quiet := map[string]bool{}
	for _, c := range loadCases(t) {
		perFile := map[string]map[string]bool{}
		for _, d := range c.diagnostics() {
			fires[d.Code] = true
			if perFile[d.File] == nil {
				perFile[d.File] = map[string]bool{}
			}
			perFile[d.File][d.Code] = true
		}
		for code := range c.codes {
			for _, f := range c.files {
				if !perFile[f][code] {
					quiet[code] = true
				}
			}
		}
	}
	for _, r := range rule.All() {
		if strings.TrimSpace(r.Title) == "" {
			t.Errorf("%s has no title", r.Code)
		}
		if len(strings.TrimSpace(r.Doc)) < 80 {
			t.Errorf("%s has no documentation (Doc under 80 characters)", r.Code)
		}
		if r.Block == nil && r.Group == nil && r.Workspace == nil && r.Code != rule.SyntaxCode {
			t.Errorf("%s checks nothing", r.Code)
		}
		if !fires[r.Code] {
			t.Errorf("%s: no case in testdata/*.txtar fires it", r.Code)
		}
		if !quiet[r.Code] {
			t.Errorf("%s: no case file where it stays quiet (list it in a case's codes: and add a correct .dpl file)", r.Code)
		}
	}
}
