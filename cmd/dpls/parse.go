package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dpls-dev/dpls/grammar"
)

func init() {
	register("parse", "print the syntax tree of DPL files", runParse)
}

// runParse prints each file's tree as `tree-sitter parse` does and exits 1
// when any tree holds a syntax error, so scripts can use it as a syntax check.
func runParse(e env) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	quiet := fs.Bool("quiet", false, "print nothing; only the exit code tells")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dpls parse [-quiet] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	for _, path := range fs.Args() {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "dpls parse: %v\n", err)
			return 2
		}
		root := grammar.Parse(src).RootNode()
		if !*quiet {
			if fs.NArg() > 1 {
				fmt.Fprintf(e.stdout, "%s\n", path)
			}
			fmt.Fprintln(e.stdout, grammar.Sexp(root, true))
		}
		if bad := grammar.FirstSyntaxError(root, src); bad != nil {
			p := grammar.PointAt(src, bad.Offset)
			fmt.Fprintf(e.stderr, "%s:%d:%d: %s\n", path, p.Row+1, p.Column+1, bad.Msg)
			status = 1
		}
	}
	return status
}
