package navigation

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/internal/testgen"
)

func seed(t *testing.T) *analysis.Workspace {
	t.Helper()
	w := analysis.New(analysis.Config{})
	paths, _ := filepath.Glob(filepath.Join(testgen.SeedDir(), "*.dpl"))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w = w.SetFile(filepath.Base(p), src)
	}
	return w
}

func offsetOf(t *testing.T, w *analysis.Workspace, file, needle string) int {
	t.Helper()
	i := strings.Index(string(w.File(file).Src), needle)
	if i < 0 {
		t.Fatalf("%q not in %s", needle, file)
	}
	return i + 1
}

func render(w *analysis.Workspace, occ []Occurrence) []string {
	var out []string
	for _, o := range occ {
		out = append(out, o.File+":"+string(w.File(o.File).Src[o.Span.Start:o.Span.End]))
	}
	sort.Strings(out)
	return out
}

func TestDefinitionOfVerifiedBlock(t *testing.T) {
	w := seed(t)
	off := offsetOf(t, w, "s7_1-verify_fault_tolerance.dpl", "OrderService")
	got := strings.Join(render(w, Definition(w, "s7_1-verify_fault_tolerance.dpl", off)), "\n")
	if !strings.Contains(got, "s2_1-fault_tolerance.dpl:OrderService") {
		t.Errorf("definition of OrderService from verify_fault_tolerance:\n%s", got)
	}
}

func TestReferencesOfServiceNames(t *testing.T) {
	files := map[string]string{
		"a.dpl": "fault_tolerance PaymentService {\n  timeout: \"1s\"\n}\n",
		"b.dpl": "distributed_transaction T {\n  participants: [\"payment-service\", \"shipping\"]\n  compensation: {\n    shipping: \"cancel\"\n  }\n}\n",
	}
	w := analysis.New(analysis.Config{})
	for n, s := range files {
		w = w.SetFile(n, []byte(s))
	}
	off := offsetOf(t, w, "a.dpl", "PaymentService")
	got := render(w, References(w, "a.dpl", off, true))
	want := []string{`a.dpl:PaymentService`, `b.dpl:"payment-service"`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("references = %v, want %v", got, want)
	}
	// compensation key → participant entry
	off = offsetOf(t, w, "b.dpl", "shipping:")
	got = render(w, Definition(w, "b.dpl", off))
	if strings.Join(got, "|") != `b.dpl:"shipping"` {
		t.Errorf("definition of compensation key = %v", got)
	}
}

func TestRename(t *testing.T) {
	w := analysis.New(analysis.Config{}).
		SetFile("a.dpl", []byte("fault_tolerance Pay {\n  timeout: \"1s\"\n}\nmetrics Pay {}\n")).
		SetFile("b.dpl", []byte("microservice_pattern M {\n  services: [\"pay\"]\n}\n"))
	edits, err := Rename(w, "a.dpl", offsetOf(t, w, "a.dpl", "Pay"), "Billing")
	if err != nil {
		t.Fatal(err)
	}
	if len(edits) != 3 {
		t.Fatalf("edits = %+v", edits)
	}
	if _, err := Rename(w, "a.dpl", offsetOf(t, w, "a.dpl", "Pay"), "not valid!"); err == nil {
		t.Error("an invalid name was accepted")
	}
	w = w.SetFile("c.dpl", []byte("metrics Billing {}\n"))
	if _, err := Rename(w, "a.dpl", offsetOf(t, w, "a.dpl", "Pay"), "Billing"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("rename into an existing block: err = %v", err)
	}
}

func TestOutlineAndRanges(t *testing.T) {
	w := seed(t)
	syms := DocumentSymbols(w, "s2_1-fault_tolerance.dpl")
	if len(syms) != 1 || syms[0].Name != "fault_tolerance" || syms[0].Children[0].Name != "OrderService" {
		t.Fatalf("outline = %+v", syms)
	}
	keys := []string{}
	for _, c := range syms[0].Children[0].Children {
		keys = append(keys, c.Name)
	}
	if strings.Join(keys, ",") != "retry,timeout,circuit_breaker,fallback,bulkhead" {
		t.Errorf("keys = %v", keys)
	}
	if got := WorkspaceSymbols(w, "order"); len(got) < 5 {
		t.Errorf("workspace symbols for order: %+v", got)
	}
	f := w.File("s2_1-fault_tolerance.dpl")
	if folds := FoldingRanges(f); len(folds) != 6 {
		t.Errorf("folds = %d: %+v", len(folds), folds)
	}
	off := offsetOf(t, w, "s2_1-fault_tolerance.dpl", "100ms")
	chain := SelectionRanges(f, []int{off})[0]
	var texts []string
	for _, s := range chain {
		texts = append(texts, string(f.Src[s.Start:s.End]))
	}
	if texts[0] != `"100ms"` || !strings.HasPrefix(texts[1], "initial_delay") || !strings.HasPrefix(texts[len(texts)-1], "fault_tolerance") {
		t.Errorf("selection chain = %q", texts)
	}
}
