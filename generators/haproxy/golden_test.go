package haproxy

import (
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// proxyCases are the small cases of testdata/generate/proxy the proxy
// targets share.
var proxyCases = []string{"hostile", "shop", "sticky"}

// TestGoldenSeed generates the seed examples (testdata/seed, one
// workspace) and compares with testdata/generate/golden/haproxy/seed.
func TestGoldenSeed(t *testing.T) {
	files := gentest.Run(t, Target, gentest.Load(t, "testdata/seed/*.dpl"))
	gentest.Golden(t, "testdata/generate/golden/haproxy/seed", files)
}

// TestGoldenCases generates each case of testdata/generate/cases and
// testdata/generate/proxy alone and compares with
// testdata/generate/golden/haproxy/<case> (proxy-<case> for the latter).
func TestGoldenCases(t *testing.T) {
	for name, pattern := range cases(t) {
		t.Run(name, func(t *testing.T) {
			files := gentest.Run(t, Target, gentest.Load(t, pattern))
			gentest.Golden(t, filepath.Join("testdata/generate/golden/haproxy", name), files)
		})
	}
}

// cases maps golden names to DPL files: the shared cases that declare a
// block this target reads, and the proxy cases.
func cases(t *testing.T) map[string]string {
	out := map[string]string{}
	for _, c := range gentest.Cases(t) {
		out[c] = filepath.Join("testdata/generate/cases", c+".dpl")
	}
	for _, c := range proxyCases {
		out["proxy-"+c] = filepath.Join("testdata/generate/proxy", c+".dpl")
	}
	return out
}
