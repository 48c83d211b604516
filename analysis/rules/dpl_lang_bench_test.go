package rules_test

import (
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// BenchmarkLanguageRules measures the language rules alone (DPL001–DPL003,
// DPL006, DPL007, GEN001–GEN003: the block rules that walk every value of
// every block through the schema) over a generated 50k-line workspace, the
// cost they add to a first analysis. Blocks are parsed once, outside the
// timer; each iteration runs the rules on every block.
func BenchmarkLanguageRules(b *testing.B) {
	src := testgen.Workspace(50000)
	file := analysis.New(analysis.Config{}).SetFile("bench.dpl", src).File("bench.dpl")
	var rules []*rule.Rule
	for _, code := range []string{"DPL001", "DPL002", "DPL003", "DPL006", "DPL007", "GEN001", "GEN002", "GEN003"} {
		r, ok := rule.Lookup(code)
		if !ok {
			b.Fatalf("rule %s not registered", code)
		}
		rules = append(rules, r)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var out []rule.Finding
		for _, blk := range file.Blocks {
			for _, r := range rules {
				r.Block(rule.NewBlockPass(r, blk, &out))
			}
		}
		benchSink = out
	}
}

var benchSink []rule.Finding
