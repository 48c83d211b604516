package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/registry"
)

// fileWriter writes generated files below one output directory. It asks
// generators.Decide before replacing anything, writes through a temporary
// file and a rename so an interrupted run never leaves half a file, and
// never writes outside the directory: paths are checked, and a symbolic
// link on the way out of it is refused.
type fileWriter struct {
	out    string // the output directory as given
	root   string // out with symbolic links resolved, once it exists
	dryRun bool
	force  bool
}

// result of one file.
type written struct {
	dest     string
	decision generators.Decision
}

// write handles one file; an error means it could not be examined or
// written (the decision may still be Refuse, which is not an error).
func (w *fileWriter) write(f generators.File) (written, error) {
	if err := generators.CheckPath(f.Path); err != nil {
		return written{}, err
	}
	dest := filepath.Join(w.out, filepath.FromSlash(f.Path))
	if err := w.contained(dest); err != nil {
		return written{}, err
	}
	existing, exists, err := readExisting(dest)
	if err != nil {
		return written{}, err
	}
	d := generators.Decide(f, existing, exists, w.force)
	res := written{dest: dest, decision: d}
	switch d.Action {
	case generators.Create, generators.Update, generators.Overwrite:
		if !w.dryRun {
			if err := writeAtomic(dest, f.Content); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// contained refuses a destination whose existing parent directories,
// symbolic links resolved, lead outside the output directory.
func (w *fileWriter) contained(dest string) error {
	dir := filepath.Dir(dest)
	for {
		if _, err := os.Lstat(dir); err == nil {
			break
		}
		if parent := filepath.Dir(dir); parent != dir {
			dir = parent
			continue
		}
		return nil
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("resolving %s: %w", dir, err)
	}
	root := w.out
	if r, err := filepath.EvalSymlinks(w.out); err == nil {
		root = r
	}
	if !within(root, real) && !within(real, root) {
		return fmt.Errorf("%s: a symbolic link leads outside the output directory %s", dest, w.out)
	}
	return nil
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel) || rel == "."
}

// readExisting reads dest; a missing file is not an error, a symbolic link
// or a directory is (replacing either would not do what the user expects).
func readExisting(dest string) ([]byte, bool, error) {
	info, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !info.Mode().IsRegular() {
		return nil, false, fmt.Errorf("%s exists and is not a regular file", dest)
	}
	data, err := os.ReadFile(dest)
	return data, err == nil, err
}

// writeOutputs writes every file and reports: with --dry-run one line per
// file saying what would happen; otherwise refused files on stderr and a
// summary. A progress bar runs on a terminal when there are many files.
func writeOutputs(e env, fl genFlags, outputs []registry.Output) int {
	w := &fileWriter{out: fl.out, dryRun: fl.dryRun, force: fl.force}
	var files []generators.File
	for _, o := range outputs {
		files = append(files, o.Files...)
	}
	bar := newProgress(e.stderr, len(files), !fl.dryRun && isTerminal(e.stderr))
	counts := map[generators.Action]int{}
	status := 0
	for _, f := range files {
		bar.step(f.Path)
		res, err := w.write(f)
		if err != nil {
			bar.clear()
			fmt.Fprintf(e.stderr, "dpls generate: %v\n", err)
			return 2
		}
		counts[res.decision.Action]++
		if fl.dryRun {
			fmt.Fprintf(e.stdout, "%-9s %s%s\n", res.decision.Action, res.dest, reason(res.decision))
		}
		if res.decision.Action == generators.Refuse {
			status = 1
			if !fl.dryRun {
				bar.clear()
				fmt.Fprintf(e.stderr, "%s: not replaced: %s\n", res.dest, refusal(res.decision))
			}
		}
	}
	bar.clear()
	if !fl.dryRun {
		fmt.Fprintf(e.stdout, "%s: %s\n", fl.out, summary(counts))
	}
	return status
}

// reason is a dry run's parenthesis after the path: why, and for a
// refused file how to replace it all the same.
func reason(d generators.Decision) string {
	if d.Reason == "" {
		return ""
	}
	return " (" + refusal(d) + ")"
}

// refusal is the decision's reason with, for a refused file, the flag that
// overrides it; generators.Decide leaves the remedy to the caller.
func refusal(d generators.Decision) string {
	if d.Action == generators.Refuse {
		return d.Reason + "; " + forceHint
	}
	return d.Reason
}

// forceHint tells how to replace a refused file.
const forceHint = "use --force to replace it"

// summary counts the actions: "3 created, 2 unchanged".
func summary(counts map[generators.Action]int) string {
	words := []struct {
		a    generators.Action
		word string
	}{
		{generators.Create, "created"}, {generators.Update, "updated"}, {generators.Overwrite, "overwritten"},
		{generators.Unchanged, "unchanged"}, {generators.Refuse, "refused"},
	}
	var parts []string
	for _, w := range words {
		if n := counts[w.a]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, w.word))
		}
	}
	return strings.Join(parts, ", ")
}
