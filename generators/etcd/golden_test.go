package etcd

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// TestGoldenSeed generates the seed examples (testdata/seed, one
// workspace) and compares with testdata/generate/golden/etcd/seed.
func TestGoldenSeed(t *testing.T) {
	files := gentest.Run(t, Target, gentest.Load(t, "testdata/seed/*.dpl"))
	gentest.Golden(t, "testdata/generate/golden/etcd/seed", files)
}

// TestGoldenCases generates each small case of testdata/generate/cases
// alone and compares with testdata/generate/golden/etcd/<case>.
func TestGoldenCases(t *testing.T) {
	for _, c := range gentest.Cases(t) {
		t.Run(c, func(t *testing.T) {
			files := gentest.Run(t, Target, gentest.Load(t, filepath.Join("testdata/generate/cases", c+".dpl")))
			gentest.Golden(t, filepath.Join("testdata/generate/golden/etcd", strings.TrimSuffix(c, ".dpl")), files)
		})
	}
}
