package dplfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Ext is the extension of DPL source files.
const Ext = ".dpl"

// SkipDir reports whether a walk leaves out the directory called name.
// Hidden directories (.git, .vscode, .cache) hold tool state and copies of
// the sources, not the workspace: checking them would report every finding
// twice, once for the file and once for its copy. node_modules holds the
// dependencies of a JavaScript project next to the services; DPL files
// inside a package (a VS Code extension's fixtures, say) are not the user's
// and walking it can cost more than the workspace itself.
func SkipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules"
}

// Skipped reports whether path, below root, lies in a directory that Files
// leaves out when walking root: the server asks it of files that change on
// disk or close in the editor, so that they count exactly when the walk
// would have found them. root itself is never skipped; a path outside root
// is not skipped (it is simply not below it).
func Skipped(root, path string) bool {
	rel, err := filepath.Rel(root, filepath.Dir(path))
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return false
	}
	for _, dir := range strings.Split(rel, string(filepath.Separator)) {
		if SkipDir(dir) {
			return true
		}
	}
	return false
}

// Files is path itself when it is a file, whatever its name (the user
// named it), or every .dpl file below it, in lexical order, when it is a
// directory; directories SkipDir names are left out, except path itself.
//
// A directory that cannot be read costs only itself: the walk goes on and
// Files returns what it found together with an error naming each such
// directory. The command line fails on that error (a check that skipped a
// file would pass for the wrong reason); the server logs it and indexes
// the rest. A path that does not exist is an error with no files.
func Files(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var files []string
	var errs []error
	walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			errs = append(errs, err)
			if d != nil && d.IsDir() && p != path {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir() && p != path && SkipDir(d.Name()):
			return filepath.SkipDir
		case !d.IsDir() && filepath.Ext(p) == Ext:
			files = append(files, p)
		}
		return nil
	})
	if walkErr != nil {
		errs = append(errs, walkErr)
	}
	if len(errs) > 0 {
		return files, fmt.Errorf("listing %s: %w", path, errors.Join(errs...))
	}
	return files, nil
}
