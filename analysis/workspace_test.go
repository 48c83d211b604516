package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

func TestSyntaxErrorsBecomeDiagnostics(t *testing.T) {
	src := "fault_tolerance A {\n  retry: 3\n\nconsistency B {\n  nodes: 3\n}\n"
	w := New(Config{}).SetFile("a.dpl", []byte(src))
	ds := w.Diagnostics("a.dpl")
	if len(ds) != 1 || ds[0].Code != rule.SyntaxCode || ds[0].Message != "expected `}` to close block A" {
		t.Fatalf("got %+v", ds)
	}
	if got := len(w.File("a.dpl").Blocks); got != 2 {
		t.Fatalf("blocks = %d, want 2", got)
	}
}

func TestEditReusesUntouchedBlocks(t *testing.T) {
	src := []byte("consistency A {\n  nodes: 3\n}\n\nconsistency B {\n  nodes: 5\n}\n")
	w := New(Config{}).SetFile("a.dpl", src)
	before := w.File("a.dpl").Blocks
	start := strings.Index(string(src), "3")
	e, next := grammar.EditFor(src, start, start+1, []byte("7"))
	w2 := w.EditFile("a.dpl", next, []grammar.Edit{e})
	after := w2.File("a.dpl").Blocks
	if after[0].Memo == before[0].Memo {
		t.Error("edited block kept its memo")
	}
	if after[1].Memo != before[1].Memo || after[1].Body != before[1].Body {
		t.Error("untouched block was rebuilt")
	}
	if n := after[0].Body.Value("nodes").(*model.Number); n.Value != 7 {
		t.Errorf("nodes = %v, want 7", n.Value)
	}
	if after[1].Start != before[1].Start {
		t.Errorf("block B moved from %d to %d on a same-length edit", before[1].Start, after[1].Start)
	}
}

func TestSeedWorkspaceHasNoSyntaxErrors(t *testing.T) {
	w := New(Config{})
	paths, _ := filepath.Glob(filepath.Join(testgen.SeedDir(), "*.dpl"))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w = w.SetFile(p, src)
	}
	for file, ds := range w.AllDiagnostics() {
		for _, d := range ds {
			if d.Code == rule.SyntaxCode {
				t.Errorf("%s: %s", file, d.Message)
			}
		}
	}
}
