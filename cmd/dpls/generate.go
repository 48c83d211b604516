package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/registry"
)

func init() {
	register("generate", "write the configuration a target needs (Kubernetes, Prometheus, Compose)", runGenerate)
}

// genFlags are `dpls generate`'s options.
type genFlags struct {
	target string
	out    string
	dryRun bool
	force  bool
	list   bool
}

// defaultOut is where files go without --out: a directory of their own,
// so a first run never mixes generated files into the sources.
const defaultOut = "generated"

// runGenerate generates one target (or all) for every service of the
// workspace it applies to. Exit status: 0 when every file was written or
// already up to date, 1 when the input has errors, a target refuses it, or
// a file was refused (edited since dpls wrote it, or not dpls's), 2 on a
// usage or I/O error.
// Notes (settings with no equivalent, defaulted values) go to stderr.
func runGenerate(e env) int {
	fl, paths, ok := parseGenerateFlags(e)
	if !ok {
		return 2
	}
	if fl.list {
		listTargets(e.stdout)
		return 0
	}
	targets, err := selectTargets(fl.target)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls generate: %v\n", err)
		return 2
	}
	ws, _, err := loadWorkspace(e, paths)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls generate: %v\n", err)
		return 2
	}
	outputs, err := registry.Generate(ws.Index(), targets)
	if err != nil {
		// A target refuses what the model asks for (a name with nothing
		// to name a resource with, an output path leaving the directory):
		// an input error, like a finding.
		fmt.Fprintf(e.stderr, "dpls generate: %v\n", err)
		return 1
	}
	if len(outputs) == 0 {
		fmt.Fprintf(e.stderr, "dpls generate: nothing to generate: no %s block in %s\n", consumedKinds(targets), strings.Join(paths, ", "))
		return 1
	}
	// The gate the editor applies too (registry.InputErrors): an error in
	// any generated service's blocks stops the whole run, so a partial set
	// of files never goes out.
	if errs := registry.InputErrors(ws, outputs); len(errs) > 0 {
		for _, d := range errs {
			fmt.Fprintf(e.stderr, "%s: error: %s\n", position(ws, d.Location), d.Message)
		}
		fmt.Fprintf(e.stderr, "dpls generate: nothing written: fix the %d error(s) above first\n", len(errs))
		return 1
	}
	for _, o := range outputs {
		for _, n := range o.Notes {
			fmt.Fprintf(e.stderr, "%s: note: %s\n", position(ws, n.Location), n)
		}
	}
	return writeOutputs(e, fl, outputs)
}

func parseGenerateFlags(e env) (genFlags, []string, bool) {
	var fl genFlags
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&fl.target, "target", "", "target to generate (see --list), or all")
	fs.StringVar(&fl.out, "out", defaultOut, "output directory; every file is written below it")
	fs.BoolVar(&fl.dryRun, "dry-run", false, "print what would be written, write nothing")
	fs.BoolVar(&fl.force, "force", false, "replace files dpls did not write or that were edited since")
	fs.BoolVar(&fl.list, "list", false, "list the targets and the block kinds they read")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dpls generate --target NAME|all [--out DIR] [--dry-run] [--force] [path ...]\n       dpls generate --list\n\nWith no path, reads every .dpl file below the current directory.")
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, e.args)
	if err != nil {
		return fl, nil, false
	}
	if fl.list {
		return fl, nil, true
	}
	if fl.target == "" {
		fmt.Fprintln(e.stderr, "dpls generate: --target is required (see dpls generate --list)")
		return fl, nil, false
	}
	if fl.out == "" {
		fmt.Fprintln(e.stderr, "dpls generate: --out must name a directory")
		return fl, nil, false
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return fl, paths, true
}

// listTargets prints one line per target in aligned columns: name, title,
// the block kinds it reads.
func listTargets(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, t := range registry.All() {
		fmt.Fprintf(tw, "%s\t%s\treads %s\n", t.Name, t.Title, strings.Join(t.Kinds, ", "))
	}
	tw.Flush()
}

func selectTargets(name string) ([]generators.Target, error) {
	if name == "all" {
		return registry.Default(), nil
	}
	t, err := registry.Lookup(name)
	if err != nil {
		return nil, err
	}
	return []generators.Target{t}, nil
}

// consumedKinds lists the kinds the targets read: "alerts or metrics".
func consumedKinds(ts []generators.Target) string {
	var kinds []string
	for _, t := range ts {
		kinds = append(kinds, t.Kinds...)
	}
	return strings.Join(kinds, " or ")
}

// position renders a location as file:line:col (1-based, columns in
// bytes, as compilers print them).
func position(ws *analysis.Workspace, loc rule.Location) string {
	line, col := ws.Position(loc)
	if line == 0 {
		return loc.File
	}
	return fmt.Sprintf("%s:%d:%d", loc.File, line, col)
}
