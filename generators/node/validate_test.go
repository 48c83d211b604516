package node

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// run runs a command in dir and fails the test with its output.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s in %s: %v\n%s", name, strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// TestGeneratedServiceRuns installs express and opossum from npm once,
// then for the seed and every code case checks each server.js with
// `node --check` and runs its generated node:test file, which starts the
// service on loopback and drives the breaker open and closed. It fails
// (never skips) when node or npm is missing.
func TestGeneratedServiceRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("installs npm packages; skipped with -short")
	}
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is required: %v", tool, err)
		}
	}
	deps := t.TempDir()
	run(t, deps, nil, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "express@"+ExpressVersion, "opossum@"+OpossumVersion)
	nodePath := []string{"NODE_PATH=" + filepath.Join(deps, "node_modules")}
	inputs := map[string]string{"seed": "testdata/seed/*.dpl"}
	for _, c := range codeCases {
		inputs[c] = "testdata/generate/code/" + c + ".dpl"
	}
	services := 0
	for n, pattern := range inputs {
		files := gentest.Generated(gentest.Run(t, Target, gentest.Load(t, pattern)))
		root := gentest.WriteTemp(t, files)
		for _, f := range files {
			dir := filepath.Join(root, filepath.FromSlash(path.Dir(f.Path)))
			switch path.Base(f.Path) {
			case "server.js":
				services++
				run(t, dir, nodePath, "node", "--check", "server.js")
			case "server.test.js":
				out := run(t, dir, nodePath, "node", "--test", "server.test.js")
				if !strings.Contains(out, "# fail 0") {
					t.Errorf("%s: %s\n%s", n, f.Path, out)
				}
			}
		}
	}
	if services != 5 {
		t.Errorf("checked %d services, want 5", services)
	}
}
