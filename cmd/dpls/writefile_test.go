package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomic: a new file is created with its directories and mode
// 0644 (before the umask); a replaced one keeps its mode; no temporary
// file is left; a destination that is a directory is an error that leaves
// it alone.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "a", "b", "new.yaml")
	if err := writeAtomic(fresh, []byte("one\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(fresh); err != nil || info.Mode().Perm()&^0o022 != 0o644&^0o022 {
		t.Errorf("new file: %v, %v; want mode 0644 less the umask", info, err)
	}

	kept := filepath.Join(dir, "kept.dpl")
	if err := os.WriteFile(kept, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(kept, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(kept, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(kept); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("replaced file: %v, %v; want mode 0600 kept", info, err)
	}
	if got := readString(t, kept); got != "new\n" {
		t.Errorf("replaced file holds %q", got)
	}

	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(sub, []byte("x")); err == nil {
		t.Error("replacing a directory succeeded")
	}
	for _, d := range []string{dir, filepath.Join(dir, "a", "b")} {
		entries, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if filepath.Ext(e.Name()) == ".tmp" {
				t.Errorf("temporary file left behind: %s", filepath.Join(d, e.Name()))
			}
		}
	}
}
