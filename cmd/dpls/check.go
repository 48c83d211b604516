package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/report"
)

func init() {
	register("check", "report problems in DPL files; exit 1 on findings", runCheck)
}

// stdinName is how findings and messages name standard input, in every
// subcommand: gofmt's name, which says what it is to someone who has not
// read the manual (and "-" is too easily taken for a typo).
const stdinName = "<standard input>"

// runCheck analyzes the files and directories named on the command line as
// one workspace and prints the findings in the chosen format.
func runCheck(e env) int {
	fl, paths, ok := parseCheckFlags(e)
	if !ok {
		return 2
	}
	ws, files, err := loadWorkspace(e, paths)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls check: %v\n", err)
		return 2
	}
	sources := make(map[string][]byte, len(files))
	for _, f := range files {
		sources[f.name] = f.src
	}
	shown, failed := selectFindings(ws, fl)
	opts, err := reportOptions(e, fl)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls check: %v\n", err)
		return 2
	}
	if err := report.Write(e.stdout, fl.format, report.Report{Diagnostics: shown, Sources: sources}, opts); err != nil {
		fmt.Fprintf(e.stderr, "dpls check: writing the report: %v\n", err)
		return 2
	}
	if failed {
		return 1
	}
	return 0
}

// selectFindings returns the findings to print, file by file in name order,
// and whether any is at or above the failure threshold. A lower Severity
// value is more severe.
func selectFindings(ws *analysis.Workspace, fl checkFlags) (shown []rule.Diagnostic, failed bool) {
	limit := max(fl.show, fl.failAt)
	for _, name := range ws.Files() {
		for _, d := range ws.Diagnostics(name) {
			if d.Severity <= fl.failAt {
				failed = true
			}
			if d.Severity <= limit {
				shown = append(shown, d)
			}
		}
	}
	return shown, failed
}

// reportOptions resolves what the formats need from the environment:
// colour, and the directories that SARIF and GitHub paths are relative to.
func reportOptions(e env, fl checkFlags) (report.Options, error) {
	dir, err := os.Getwd()
	if err != nil {
		return report.Options{}, fmt.Errorf("finding the working directory: %w", err)
	}
	color := isTerminal(e.stdout) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	if fl.color != nil {
		color = *fl.color
	}
	return report.Options{Color: color, Version: version, Rules: rule.All(), Dir: dir, Root: repoRoot(dir)}, nil
}

// isTerminal reports whether w is a character device, the test that
// decides colour (no-color.org: NO_COLOR set disables it regardless).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// repoRoot is the nearest directory from dir upward holding .git (a
// directory, or a file in a worktree), which code scanning resolves SARIF
// paths against; dir itself when there is none.
func repoRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
