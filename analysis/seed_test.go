package analysis_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// seedExpected is what ../shared/rules.md §2 lists for the design draft's
// examples, analyzed as one workspace: each finding by file and code. The
// examples are valid DPL, so nothing else may fire — not a language rule,
// not a domain rule.
var seedExpected = []string{
	"s14_1-multi_level_fault_tolerance.dpl FT005",
	"s14_1-multi_level_fault_tolerance.dpl FT011",
	"s11-benchmark.dpl GEN003",
	"s2_1-fault_tolerance.dpl FT004",
	"s2_1-fault_tolerance.dpl XB001",
	// Not in rules.md's seed paragraph, but its catalog condition holds:
	// the seed's consul check is a script check.
	"s2_2-consistency.dpl GEN003", // "1000" where a count is meant: a hint, as the spec asks
	"s2_4-service_discovery.dpl SD005",
	"s5_1-distributed_lock.dpl LK004",
	"s5_2-distributed_transaction.dpl TX004",
	"s5_3-distributed_cache.dpl CA002",
	"s5_3-distributed_cache.dpl CA003",
	// Likewise: max_keys on redis_cluster, which cannot cap its key count.
	"s5_3-distributed_cache.dpl CA005",
	"s5_4-message_queue.dpl MQ004",
	"s8_2-alerts.dpl OB004",
	"s9_1-deploy_kubernetes.dpl K8005",
}

func seedWorkspace(t *testing.T) *analysis.Workspace {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(testgen.SeedDir(), "*.dpl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed examples: %v", err)
	}
	w := analysis.New(analysis.Config{})
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w = w.SetFile(filepath.Base(p), src)
	}
	return w
}

func TestSeedFindings(t *testing.T) {
	analysis.PanicHook = func(code string, v any, stack []byte) { t.Errorf("rule %s panicked: %v\n%s", code, v, stack) }
	defer func() { analysis.PanicHook = nil }()
	w := seedWorkspace(t)
	seen := map[string]bool{}
	var xb001 []rule.Diagnostic
	for file, ds := range w.AllDiagnostics() {
		for _, d := range ds {
			seen[file+" "+d.Code] = true
			if d.Code == "XB001" {
				xb001 = append(xb001, d)
			}
		}
	}
	var got []string
	for k := range seen {
		got = append(got, k)
	}
	sort.Strings(got)
	expected := append([]string(nil), seedExpected...)
	sort.Strings(expected)
	if g, want := strings.Join(got, "\n"), strings.Join(expected, "\n"); g != want {
		var detail strings.Builder
		for file, ds := range w.AllDiagnostics() {
			for _, d := range ds {
				detail.WriteString(file + ": " + d.Code + " " + d.Message + "\n")
			}
		}
		t.Errorf("seed findings by file and code:\n%s\nwant:\n%s\nall diagnostics:\n%s", g, want, detail.String())
	}
	want := "3 attempts × 2s + 300ms backoff = 6.3s worst case exceeds max_response_time 3s"
	if len(xb001) != 1 || xb001[0].Message != want {
		t.Errorf("XB001 on the seed = %+v, want one with message %q", xb001, want)
	}
}
