package gocode

import (
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// codeCases are the cases of testdata/generate/code, which the code
// targets (spring, go, node) share.
var codeCases = []string{"full", "rates", "hostile"}

// TestGoldenSeed generates the seed examples (one workspace) and compares
// with testdata/generate/golden/go/seed.
func TestGoldenSeed(t *testing.T) {
	files := gentest.Run(t, Target, gentest.Load(t, "testdata/seed/*.dpl"))
	gentest.Golden(t, "testdata/generate/golden/go/seed", files)
}

// TestGoldenCases generates each code case alone and compares with
// testdata/generate/golden/go/<case>.
func TestGoldenCases(t *testing.T) {
	for _, c := range codeCases {
		t.Run(c, func(t *testing.T) {
			files := gentest.Run(t, Target, gentest.Load(t, filepath.Join("testdata/generate/code", c+".dpl")))
			gentest.Golden(t, filepath.Join("testdata/generate/golden/go", c), files)
		})
	}
}
