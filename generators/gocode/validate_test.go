package gocode

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// failsafeSums is the go.sum of a module requiring failsafe-go at
// FailsafeVersion (testdata/failsafe-go.sum), so the temporary module needs
// no checksum-database lookup.
func failsafeSums(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "failsafe-go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "github.com/failsafe-go/failsafe-go "+FailsafeVersion+" ") {
		t.Fatalf("testdata/failsafe-go.sum does not hold failsafe-go %s", FailsafeVersion)
	}
	return b
}

// goRun runs the go command in dir with the module cache of this machine;
// -mod=mod lets it add the sums of failsafe-go's own requirements.
func goRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
}

// TestGeneratedCodeBuildsAndPasses puts every package generated from the
// seed and the code cases into one temporary module (each under its case's
// directory; generated go.mod files are left out, they are golden-tested)
// and runs go vet and the generated tests with -race: the breaker driven
// open and closed, retries counted, timeout, bulkhead, rate limiter and
// fallback observed against httptest servers.
func TestGeneratedCodeBuildsAndPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated packages; skipped with -short")
	}
	inputs := map[string]string{"seed": "testdata/seed/*.dpl"}
	for _, c := range codeCases {
		inputs[c] = "testdata/generate/code/" + c + ".dpl"
	}
	names := make([]string, 0, len(inputs))
	for n := range inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	var all []generators.File
	packages := 0
	for _, n := range names {
		for _, f := range gentest.Generated(gentest.Run(t, Target, gentest.Load(t, inputs[n]))) {
			if path.Base(f.Path) == "go.mod" {
				continue
			}
			if path.Base(f.Path) == "resilience.go" {
				packages++
			}
			f.Path = n + "/" + f.Path
			all = append(all, f)
		}
	}
	all = append(all,
		generators.File{Path: "go.mod", Content: []byte("module example.com/generated\n\ngo 1.22\n\nrequire github.com/failsafe-go/failsafe-go " + FailsafeVersion + "\n")},
		generators.File{Path: "go.sum", Content: failsafeSums(t)})
	if packages != 6 {
		t.Fatalf("generated %d packages, want 6", packages)
	}
	dir := gentest.WriteTemp(t, all)
	goRun(t, dir, "vet", "./...")
	goRun(t, dir, "test", "-race", "-count=1", "./...")
}
