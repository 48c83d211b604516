package spring

import (
	"path/filepath"
	"testing"

	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// codeCases are the cases of testdata/generate/code, which the code
// targets share.
var codeCases = []string{"full", "rates", "hostile"}

// TestGoldenSeed compares the seed's output of both targets with
// testdata/generate/golden/<target>/seed.
func TestGoldenSeed(t *testing.T) {
	for _, tg := range []g.Target{Target, HystrixTarget} {
		files := gentest.Run(t, tg, gentest.Load(t, "testdata/seed/*.dpl"))
		gentest.Golden(t, filepath.Join("testdata/generate/golden", tg.Name, "seed"), files)
	}
}

// TestGoldenCases compares each code case's output of both targets with
// testdata/generate/golden/<target>/<case>.
func TestGoldenCases(t *testing.T) {
	for _, tg := range []g.Target{Target, HystrixTarget} {
		for _, c := range codeCases {
			t.Run(tg.Name+"/"+c, func(t *testing.T) {
				files := gentest.Run(t, tg, gentest.Load(t, filepath.Join("testdata/generate/code", c+".dpl")))
				gentest.Golden(t, filepath.Join("testdata/generate/golden", tg.Name, c), files)
			})
		}
	}
}
