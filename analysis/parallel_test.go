package analysis

import (
	"reflect"
	"testing"

	"github.com/dpls-dev/dpls/internal/testgen"
)

// TestParallelBlockRules analyzes a workspace large enough for the block
// rules to be split over goroutines (run it with -race) and checks the
// result against a one-goroutine run of the same rules.
func TestParallelBlockRules(t *testing.T) {
	src := testgen.Workspace(8000)
	w := New(Config{}).SetFile("w.dpl", src)
	if n := len(w.File("w.dpl").Blocks); n <= parallelMin {
		t.Fatalf("only %d blocks: too few to exercise the parallel path", n)
	}
	got := w.Diagnostics("w.dpl")

	var want [][]string
	for _, b := range w.File("w.dpl").Blocks {
		var codes []string
		for _, f := range blockFindings(b) {
			codes = append(codes, f.Code)
		}
		want = append(want, codes)
	}
	again := New(Config{}).SetFile("w.dpl", src).Diagnostics("w.dpl")
	if !reflect.DeepEqual(got, again) {
		t.Fatal("two analyses of the same text differ")
	}
	count := 0
	for _, codes := range want {
		count += len(codes)
	}
	blockDiags := 0
	for _, d := range got {
		if d.Code != "" {
			blockDiags++
		}
	}
	if blockDiags < count {
		t.Fatalf("%d diagnostics, fewer than the %d block findings", blockDiags, count)
	}
}
