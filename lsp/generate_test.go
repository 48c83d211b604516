package lsp

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
)

// TestInputErrorNamesThreeFindings: a refusal names the first three
// blocking findings, by path in the workspace folder, then counts the rest.
func TestInputErrorNamesThreeFindings(t *testing.T) {
	folder := filepath.FromSlash("/ws")
	s := New(Options{})
	s.setFolders([]string{folder})
	var src strings.Builder
	for _, name := range []string{"A", "B", "C", "D", "E"} {
		src.WriteString("fault_tolerance " + name + " {\n  timeout: \"-1s\"\n}\n")
	}
	file := filepath.Join(folder, "svc", "a.dpl")
	ws := analysis.New(analysis.Config{}).SetFile(file, []byte(src.String()))
	errs := ws.Diagnostics(file)
	if len(errs) != 5 {
		t.Fatalf("%d findings, want 5: %v", len(errs), errs)
	}
	const signed = `"-1s" is not a duration: durations cannot be signed`
	want := "fix these 5 errors first: svc/a.dpl:2:12: " + signed + "; svc/a.dpl:5:12: " + signed + "; svc/a.dpl:8:12: " + signed + "; and 2 more"
	if got := s.inputError(ws, errs).Error(); got != want {
		t.Errorf("inputError =\n%s\nwant:\n%s", got, want)
	}
	if got := s.inputError(ws, errs[:1]).Error(); got != "fix this error first: svc/a.dpl:2:12: "+signed {
		t.Errorf("one finding: %s", got)
	}
}
