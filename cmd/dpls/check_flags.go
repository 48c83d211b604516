package main

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/report"
)

const checkUsage = `usage: dpls check [flags] [path ...]

Checks DPL files, and every *.dpl file below each directory, as one workspace
(names resolve across all of them); - reads standard input. With no path,
checks the current directory. Settings come from the .dpls.yaml of the
nearest directory, from the first path upward, that has one.

Prints each finding at or above --show, and exits 1 when any finding is at or
above --severity; those are always printed, whatever --show says.
Exit status: 0 clean, 1 findings, 2 usage or I/O error.

Flags:`

// checkFlags are the choices of one `dpls check` run.
type checkFlags struct {
	format string
	failAt rule.Severity // exit 1 at or above this
	show   rule.Severity // print at or above this (and at or above failAt)
	color  *bool         // nil: colour when stdout is a terminal and NO_COLOR is unset
}

// parseCheckFlags reads flags, which may come before, between or after the
// paths (up to a `--`), and returns the paths, "." when there is none.
func parseCheckFlags(e env) (checkFlags, []string, bool) {
	fl := checkFlags{}
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&fl.format, "format", "text", "output `format`: "+strings.Join(report.Formats, ", "))
	failAt := fs.String("severity", "warning", "exit 1 when a finding is at or above this `level`: error, warning, info, hint")
	show := fs.String("show", "info", "print the findings at or above this `level`")
	fs.BoolFunc("color", "colour the text output even when it is not a terminal", func(string) error {
		on := true
		fl.color = &on
		return nil
	})
	fs.BoolFunc("no-color", "never colour the text output (also: NO_COLOR set in the environment)", func(string) error {
		off := false
		fl.color = &off
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, checkUsage)
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, e.args)
	if err != nil {
		return fl, nil, false
	}
	bad := func(msg string, args ...any) (checkFlags, []string, bool) {
		fmt.Fprintf(e.stderr, "dpls check: "+msg+"\n", args...)
		return fl, nil, false
	}
	if !isFormat(fl.format) {
		return bad("unknown format %q (want %s)", fl.format, strings.Join(report.Formats, ", "))
	}
	if fl.failAt, err = findingLevel(*failAt); err != nil {
		return bad("--severity: %v", err)
	}
	if fl.show, err = findingLevel(*show); err != nil {
		return bad("--show: %v", err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return bad("standard input (-) given %d times", stdin)
	}
	return fl, paths, true
}

// parseInterspersed parses flags wherever they stand among the arguments,
// as go vet and eslint accept them; everything after `--` is a path.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

func isFormat(name string) bool { return slices.Contains(report.Formats, name) }

// findingLevel reads a severity flag; `off` is for configuration only.
func findingLevel(s string) (rule.Severity, error) {
	sev, err := rule.ParseSeverity(strings.ToLower(s))
	if err == nil && sev == rule.Off {
		err = errors.New(`"off" is not a finding level (want error, warning, info or hint)`)
	}
	return sev, err
}
