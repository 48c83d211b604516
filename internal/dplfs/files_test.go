package dplfs

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// tree writes files (slash paths relative to a new directory) and returns
// the directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func rels(t *testing.T, root string, paths []string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

// TestFilesSkipsHiddenAndNodeModules: .dpl files in lexical order, none
// from .git, .vscode or node_modules at any depth, other extensions left
// out; a hidden root is walked, and a file is itself whatever its name.
func TestFilesSkipsHiddenAndNodeModules(t *testing.T) {
	root := tree(t, map[string]string{
		"b.dpl":                       "",
		"a.dpl":                       "",
		"notes.txt":                   "",
		"svc/c.dpl":                   "",
		"svc/node_modules/x/d.dpl":    "",
		"node_modules/pkg/e.dpl":      "",
		".git/f.dpl":                  "",
		"svc/.vscode/g.dpl":           "",
		".hidden.dpl":                 "",
		".config/dpls/h.dpl":          "",
		"svc/node_modules_old/i.dpl":  "",
		"svc/deep/er/j.dpl":           "",
		"svc/deep/er/not-dpl.dpl.bak": "",
	})
	got, err := Files(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".hidden.dpl", "a.dpl", "b.dpl", "svc/c.dpl", "svc/deep/er/j.dpl", "svc/node_modules_old/i.dpl"}
	if r := rels(t, root, got); !reflect.DeepEqual(r, want) {
		t.Errorf("Files = %q, want %q", r, want)
	}

	hidden := filepath.Join(root, ".config")
	got, err = Files(hidden)
	if err != nil || !reflect.DeepEqual(rels(t, hidden, got), []string{"dpls/h.dpl"}) {
		t.Errorf("Files(hidden root) = %q, %v; want [dpls/h.dpl]", got, err)
	}
	file := filepath.Join(root, "notes.txt")
	if got, err := Files(file); err != nil || !reflect.DeepEqual(got, []string{file}) {
		t.Errorf("Files(file) = %q, %v; want the file", got, err)
	}
}

// TestFilesRelativeRoot: a relative root gives paths as the user would
// type them ("a.dpl", not "./a.dpl").
func TestFilesRelativeRoot(t *testing.T) {
	t.Chdir(tree(t, map[string]string{"a.dpl": "", "sub/b.dpl": ""}))
	got, err := Files(".")
	if want := []string{"a.dpl", filepath.Join("sub", "b.dpl")}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Files(.) = %q, %v; want %q", got, err, want)
	}
}

// TestFilesErrors: a missing path is an error with nothing found; an
// unreadable directory is named in the error and the walk goes on.
func TestFilesErrors(t *testing.T) {
	root := tree(t, map[string]string{"a.dpl": "", "locked/b.dpl": "", "z/c.dpl": ""})
	missing := filepath.Join(root, "missing")
	if got, err := Files(missing); got != nil || err == nil || err.Error() != "stat "+missing+": no such file or directory" {
		t.Errorf("Files(missing) = %q, %v", got, err)
	}
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	got, err := Files(root)
	if want := []string{"a.dpl", "z/c.dpl"}; !reflect.DeepEqual(rels(t, root, got), want) {
		t.Errorf("Files with an unreadable directory = %q, want %q", rels(t, root, got), want)
	}
	if want := "listing " + root + ": open " + locked + ": permission denied"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestSkipped(t *testing.T) {
	root := filepath.FromSlash("/ws")
	for _, c := range []struct {
		path string
		want bool
	}{
		{"/ws/a.dpl", false},
		{"/ws/svc/a.dpl", false},
		{"/ws/.hidden.dpl", false},
		{"/ws/.git/a.dpl", true},
		{"/ws/svc/node_modules/x/a.dpl", true},
		{"/ws/svc/.cache/a.dpl", true},
		{"/elsewhere/.git/a.dpl", false},
		{"/a.dpl", false},
	} {
		if got := Skipped(root, filepath.FromSlash(c.path)); got != c.want {
			t.Errorf("Skipped(/ws, %s) = %v, want %v", c.path, got, c.want)
		}
	}
	if Skipped(filepath.FromSlash("/ws/.git"), filepath.FromSlash("/ws/.git/a.dpl")) {
		t.Error("a root that is itself hidden skips its own files")
	}
}
