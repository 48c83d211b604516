package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// Report is what every format renders: the findings in output order and
// the text of the files they (and their related locations and fixes) point
// into, by the file names the diagnostics use.
type Report struct {
	Diagnostics []rule.Diagnostic
	Sources     map[string][]byte
}

// Options are the caller's choices that some formats need.
type Options struct {
	// Color adds ANSI colours to the text format.
	Color bool
	// Version is dpls's version, named by SARIF's tool.driver.
	Version string
	// Rules describes the rules in SARIF's tool.driver.rules, in this order
	// (results point at their rule by index). The CLI passes rule.All().
	Rules []*rule.Rule
	// Dir is the absolute directory that relative file names are relative
	// to (the working directory); Root is the absolute directory that SARIF
	// URIs and GitHub file properties are relative to (the repository
	// root). With Root empty, file names are used as they are.
	Dir, Root string
}

// Formats lists the format names Write accepts, the default first.
var Formats = []string{"text", "json", "sarif", "github"}

// Write renders r in the named format.
func Write(w io.Writer, format string, r Report, o Options) error {
	switch format {
	case "text":
		return Text(w, r, o)
	case "json":
		return JSON(w, r)
	case "sarif":
		return SARIF(w, r, o)
	case "github":
		return GitHub(w, r, o)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}
