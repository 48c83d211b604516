// Package gentest is the generators' test helper: it loads DPL files into
// an analyzed workspace and compares generated files with golden copies
// under testdata/generate (rewritten by `go test -update`). It lives under
// internal/ because it reads and writes files, which the generators
// themselves never do.
package gentest

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/generators"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/generate")

// Root is the module root, found from the test's working directory.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("gentest: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Load analyzes the files matching the glob patterns (relative to the
// module root) as one workspace. Files are named by base name, so headers
// in golden files do not depend on where the repository is checked out.
func Load(t testing.TB, patterns ...string) *rule.Index {
	t.Helper()
	root := Root(t)
	ws := analysis.New(analysis.Config{})
	n := 0
	for _, p := range patterns {
		matches, err := filepath.Glob(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range matches {
			src, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			ws = ws.SetFile(filepath.Base(m), src)
			n++
		}
	}
	if n == 0 {
		t.Fatalf("gentest: no file matches %v", patterns)
	}
	return ws.Index()
}

// Source analyzes one in-memory file named name.
func Source(name, src string) *rule.Index {
	return analysis.New(analysis.Config{}).SetFile(name, []byte(src)).Index()
}

// Golden compares files with the golden directory dir (relative to the
// module root). With -update it rewrites dir to hold exactly files.
func Golden(t *testing.T, dir string, files []generators.File) {
	t.Helper()
	dir = filepath.Join(Root(t), dir)
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			p := filepath.Join(dir, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string]bool{}
	for _, f := range files {
		want[f.Path] = true
		golden, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", f.Path, err)
			continue
		}
		if !bytes.Equal(golden, f.Content) {
			t.Errorf("%s differs from its golden file (run go test -update to accept):\n--- got\n%s\n--- want\n%s", f.Path, f.Content, golden)
		}
	}
	var extra []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			if !want[filepath.ToSlash(rel)] {
				extra = append(extra, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	sort.Strings(extra)
	for _, e := range extra {
		t.Errorf("golden file %s is no longer generated (run go test -update)", e)
	}
}

// WriteTemp writes files under a new temporary directory and returns it,
// for validators that read files (promtool, compose-go).
func WriteTemp(t testing.TB, files []generators.File) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Cases lists the case names of testdata/generate/cases (file names
// without .dpl), sorted.
func Cases(t testing.TB) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(Root(t), "testdata/generate/cases/*.dpl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range matches {
		out = append(out, strings.TrimSuffix(filepath.Base(m), ".dpl"))
	}
	sort.Strings(out)
	return out
}
