package node

import (
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// codeCases are the cases of testdata/generate/code, which the code
// targets share.
var codeCases = []string{"full", "rates", "hostile"}

// TestGoldenSeed compares the seed's output with
// testdata/generate/golden/node/seed.
func TestGoldenSeed(t *testing.T) {
	files := gentest.Run(t, Target, gentest.Load(t, "testdata/seed/*.dpl"))
	gentest.Golden(t, "testdata/generate/golden/node/seed", files)
}

// TestGoldenCases compares each code case's output with
// testdata/generate/golden/node/<case>.
func TestGoldenCases(t *testing.T) {
	for _, c := range codeCases {
		t.Run(c, func(t *testing.T) {
			files := gentest.Run(t, Target, gentest.Load(t, filepath.Join("testdata/generate/code", c+".dpl")))
			gentest.Golden(t, filepath.Join("testdata/generate/golden/node", c), files)
		})
	}
}
