package registry

import (
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// BenchmarkGenerateSeed generates every target for the seed workspace:
// what `dpls generate --target all testdata/seed` spends after analysis.
func BenchmarkGenerateSeed(b *testing.B) {
	idx := gentest.Load(b, "testdata/seed/*.dpl")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(idx, All()); err != nil {
			b.Fatal(err)
		}
	}
}
