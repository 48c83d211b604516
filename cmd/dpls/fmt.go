package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dpls-dev/dpls/format"
	"github.com/dpls-dev/dpls/internal/dplfs"
)

func init() {
	register("fmt", "rewrite DPL files in canonical form", runFmt)
}

// fmtFlags are what `dpls fmt` does with each formatted file. They combine:
// `-w -d` writes and shows what it wrote; with none the text is printed.
type fmtFlags struct {
	write, check, diff bool
}

// runFmt formats files, directories (every *.dpl below them) and standard
// input. Exit status: 0 when all went well, 1 when a file has a syntax error
// or, with --check, is not formatted, 2 on a usage or I/O error.
func runFmt(e env) int {
	var fl fmtFlags
	fs := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.BoolVar(&fl.write, "w", false, "write the result back to each file that changes")
	fs.BoolVar(&fl.check, "check", false, "list the files that are not formatted and exit 1 if there are any")
	fs.BoolVar(&fl.diff, "d", false, "print a unified diff of the changes")
	fs.BoolVar(&fl.diff, "diff", false, "same as -d")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dpls fmt [-w] [--check] [-d|--diff] [path ...]\n\nWith no path, or -, formats standard input to standard output.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	status := 0
	for _, path := range paths {
		status = max(status, fmtPath(e, fl, path))
	}
	return status
}

// fmtPath formats standard input, one file, or every *.dpl file under a
// directory, and returns the worst exit status among them.
func fmtPath(e env, fl fmtFlags, path string) int {
	if path == "-" {
		return fmtStdin(e, fl)
	}
	files, err := dplfs.Files(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls fmt: %v\n", err)
		return 2
	}
	status := 0
	for _, file := range files {
		status = max(status, fmtFile(e, fl, file))
	}
	return status
}

func fmtStdin(e env, fl fmtFlags) int {
	if fl.write {
		fmt.Fprintln(e.stderr, "dpls fmt: cannot use -w with standard input")
		return 2
	}
	src, err := io.ReadAll(e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls fmt: reading standard input: %v\n", err)
		return 2
	}
	return fmtSource(e, fl, stdinName, src, nil)
}

func fmtFile(e env, fl fmtFlags, path string) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls fmt: %v\n", err)
		return 2
	}
	return fmtSource(e, fl, path, src, func(out []byte) error { return writeAtomic(path, out) })
}

// fmtSource formats src, named name in messages, and does what the flags
// ask; write (nil for standard input) replaces the file's contents.
func fmtSource(e env, fl fmtFlags, name string, src []byte, write func([]byte) error) int {
	edits, err := format.Edits(src, format.Options{})
	if err != nil {
		var syn *format.SyntaxError
		if errors.As(err, &syn) {
			fmt.Fprintf(e.stderr, "%s:%d:%d: cannot format: %s\n", name, syn.Line, syn.Col, syn.Msg)
		} else {
			fmt.Fprintf(e.stderr, "%s: cannot format: %v\n", name, err)
		}
		return 1
	}
	changed := len(edits) > 0
	out := format.Apply(src, edits)
	status := 0
	if fl.check && changed {
		fmt.Fprintln(e.stdout, name)
		status = 1
	}
	if fl.diff && changed {
		e.stdout.Write(format.Diff(name, src, edits))
	}
	if fl.write && changed {
		// Overwriting is the one step that cannot be undone: re-check that
		// the new text parses to the same tree with the same tokens.
		if err := format.Verify(src, out); err != nil {
			fmt.Fprintf(e.stderr, "%s: not written, formatting would change it: %v\n", name, err)
			return 2
		}
		if err := write(out); err != nil {
			fmt.Fprintf(e.stderr, "dpls fmt: %v\n", err)
			return 2
		}
	}
	if !fl.write && !fl.check && !fl.diff {
		e.stdout.Write(out)
	}
	return status
}
