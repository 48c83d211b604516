package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// newFilePerm is the mode of a file writeAtomic creates: what an editor
// gives a new file, before the umask.
const newFilePerm = 0o644

// writeAtomic replaces dest's contents with data, or creates it and the
// directories on the way, through a temporary file in the same directory
// and a rename: a run interrupted half-way (a full disk, ^C) leaves the old
// file or the new one, never a truncated mix. A replaced file keeps its
// permissions; `dpls fmt -w` and `dpls generate` both write through here.
func writeAtomic(dest string, data []byte) error {
	perm := fs.FileMode(newFilePerm)
	switch info, err := os.Stat(dest); {
	case err == nil:
		perm = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", dest, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", dest, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", dest, err)
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return fmt.Errorf("writing %s: %w", dest, err)
	}
	return nil
}
