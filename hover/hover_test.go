package hover

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// seed analyzes every seed example as one workspace.
func seed(t *testing.T) *analysis.Workspace {
	t.Helper()
	w := analysis.New(analysis.Config{})
	paths, err := filepath.Glob(filepath.Join(testgen.SeedDir(), "*.dpl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed files: %v", err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w = w.SetFile(filepath.Base(p), src)
	}
	return w
}

// at hovers at the first occurrence of needle in file, plus delta bytes.
func at(t *testing.T, w *analysis.Workspace, file, needle string, delta int) Result {
	t.Helper()
	i := strings.Index(string(w.File(file).Src), needle)
	if i < 0 {
		t.Fatalf("%q not in %s", needle, file)
	}
	r, ok := At(w, file, i+delta)
	if !ok {
		t.Fatalf("no hover at %q in %s", needle, file)
	}
	return r
}

func TestHover(t *testing.T) {
	w := seed(t)
	cases := []struct {
		file, needle string
		delta        int
		want         []string
	}{
		{"s2_1-fault_tolerance.dpl", "fault_tolerance", 3, []string{"`fault_tolerance` block", "**Fields:**"}},
		{"s2_1-fault_tolerance.dpl", "max_attempts", 2, []string{"`retry.max_attempts` · count", "first call", "Default:"}},
		{"s2_1-fault_tolerance.dpl", "timeout", 1, []string{"**Worst case:** 3 attempts × 2s + 300ms backoff = 6.3s"}},
		{"s2_1-fault_tolerance.dpl", `"5m"`, 1, []string{"`fallback.cache_ttl` · duration"}},
		{"s2_2-consistency.dpl", "nodes", 1, []string{"a majority quorum is 3", "tolerates 2"}},
		{"s2_1-fault_tolerance.dpl", "OrderService", 2, []string{"Described by:", "`verify_fault_tolerance` in s7_1-verify_fault_tolerance.dpl"}},
		{"s6_1-generate_java.dpl", "generate_java", 2, []string{"Hystrix, which has been in maintenance mode since 2018"}},
		{"s6_1-generate_java.dpl", `"spring_cloud"`, 2, []string{"Hystrix has been in maintenance mode since 2018 and left Spring Cloud in 2020.0"}},
		{"s12_1-microservice_pattern.dpl", `"order-service"`, 2, []string{"`order-service`"}},
		{"s8_2-alerts.dpl", "error_rate >", 3, []string{"`error_rate` · gauge", "group `load_balancer`", "compare its value directly"}},
		{"s8_2-alerts.dpl", `"circuit_breaker_state`, 2, []string{"`circuit_breaker_state` · gauge", "`metrics OrderService`, group `fault_tolerance`"}},
	}
	for _, c := range cases {
		r := at(t, w, c.file, c.needle, c.delta)
		for _, want := range c.want {
			if !strings.Contains(r.Markdown, want) {
				t.Errorf("%s %q: hover lacks %q:\n%s", c.file, c.needle, want, r.Markdown)
			}
		}
	}
}

func TestNoHoverOutsideBlocks(t *testing.T) {
	w := analysis.New(analysis.Config{}).SetFile("a.dpl", []byte("# just a comment\n"))
	if _, ok := At(w, "a.dpl", 3); ok {
		t.Error("hover on a comment")
	}
	if _, ok := At(w, "missing.dpl", 0); ok {
		t.Error("hover in a file not in the workspace")
	}
}
