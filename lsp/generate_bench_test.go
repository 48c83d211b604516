package lsp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/registry"
)

// BenchmarkGenerateActionsSeed measures what one code action request on
// the seed's `fault_tolerance OrderService` costs: a plan per target that
// reads the block (the error gate included), plus "Generate all" (editors ask on every cursor move).
func BenchmarkGenerateActionsSeed(b *testing.B) {
	paths, err := filepath.Glob("../testdata/seed/*.dpl")
	if err != nil || len(paths) == 0 {
		b.Fatalf("seed: %v %d", err, len(paths))
	}
	ws := analysis.New(analysis.Config{})
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		ws = ws.SetFile(p, src)
	}
	s := New(Options{})
	dir := b.TempDir()
	ts := registry.ForKind("fault_tolerance")
	b.ResetTimer()
	for b.Loop() {
		for _, t := range ts {
			if _, err := s.plan(ws, dir, []string{"OrderService"}, []generators.Target{t}); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := s.plan(ws, dir, []string{"OrderService"}, registry.All()); err != nil {
			b.Fatal(err)
		}
	}
}
