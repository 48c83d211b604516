package analysis

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// FuzzAnalyze feeds arbitrary text to the whole pipeline: parse, model,
// every rule, group rules across files, an incremental edit (which must
// give what a fresh analysis of the new text gives). Analysis must never
// fail on any input (a rule panic reaches PanicHook, which fails the
// run), and every diagnostic, related location and fix edit must lie inside
// its file, or editors and `dpls check` would slice out of range.
//
// The corpus starts from the draft's examples and every .dpl file of the
// rule cases, which between them reach each rule.
func FuzzAnalyze(f *testing.F) {
	for _, src := range fuzzSeeds(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		PanicHook = func(code string, v any, stack []byte) {
			t.Errorf("rule %s panicked: %v\n%s", code, v, stack)
		}
		defer func() { PanicHook = nil }()

		ws := New(Config{}).SetFile("a.dpl", src)
		checkInRange(t, ws, map[string][]byte{"a.dpl": src})

		// The same text split in two files at a line boundary: blocks of
		// one name now meet across files, as group rules see them.
		cut := bytes.IndexByte(src[len(src)/2:], '\n')
		if cut >= 0 {
			cut += len(src) / 2
			head, tail := src[:cut+1], src[cut+1:]
			two := New(Config{}).SetFile("a.dpl", head).SetFile("b.dpl", tail)
			checkInRange(t, two, map[string][]byte{"a.dpl": head, "b.dpl": tail})
		}

		// An incremental edit in the middle: the reused blocks and cached
		// group findings must land inside the new text too.
		mid := len(src) / 2
		e, next := grammar.EditFor(src, mid, mid, []byte("}\n"))
		edited := ws.EditFile("a.dpl", next, []grammar.Edit{e})
		checkInRange(t, edited, map[string][]byte{"a.dpl": next})

		// And it ends where a fresh analysis of the new text does: the
		// same model and the same diagnostics.
		fresh := New(Config{}).SetFile("a.dpl", next)
		if a, b := incrShape(edited.File("a.dpl")), incrShape(fresh.File("a.dpl")); a != b {
			t.Fatalf("inserting }\\n at %d of %q: rebuilt model differs from a fresh one:\n%s", mid, src, incrDiff(a, b))
		}
		if a, b := incrRender(edited), incrRender(fresh); a != b {
			t.Fatalf("inserting }\\n at %d of %q: incremental diagnostics differ from a fresh analysis:\n%s", mid, src, incrDiff(a, b))
		}
	})
}

// checkInRange fails for a diagnostic whose span, related location or fix
// edit does not lie within its file, or that has no code or message.
func checkInRange(t *testing.T, ws *Workspace, files map[string][]byte) {
	t.Helper()
	inside := func(what string, loc rule.Location) {
		src, ok := files[loc.File]
		if !ok {
			t.Errorf("%s in unknown file %q", what, loc.File)
			return
		}
		if loc.Span.Start < 0 || loc.Span.Start > loc.Span.End || loc.Span.End > len(src) {
			t.Errorf("%s span %v outside %s (%d bytes)", what, loc.Span, loc.File, len(src))
		}
	}
	for name := range files {
		for _, d := range ws.Diagnostics(name) {
			label := fmt.Sprintf("%s %q", d.Code, d.Message)
			if d.Code == "" || d.Message == "" {
				t.Errorf("diagnostic without code or message: %+v", d)
			}
			inside(label, d.Location)
			for _, r := range d.Related {
				inside(label+" related", r.Location)
			}
			for _, fx := range d.Fixes {
				for _, e := range fx.Edits {
					inside(label+" fix "+fx.Title, e.Location)
				}
			}
		}
	}
}

// fuzzSeeds returns the seed examples and every .dpl file of the rule
// cases.
func fuzzSeeds(f *testing.F) [][]byte {
	var out [][]byte
	seeds, _ := filepath.Glob(filepath.Join(testgen.SeedDir(), "*.dpl"))
	for _, p := range seeds {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, src)
	}
	cases, _ := filepath.Glob("rules/testdata/*.txtar")
	for _, p := range cases {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range txtar.Parse(data).Files {
			if strings.HasSuffix(file.Name, ".dpl") {
				out = append(out, file.Data)
			}
		}
	}
	if len(out) == 0 {
		f.Fatal("no fuzz seeds found")
	}
	return out
}
