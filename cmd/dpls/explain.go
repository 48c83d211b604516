package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	register("explain", "print a rule's documentation, or list every rule", runExplain)
}

// runExplain prints the documentation of each rule named (codes are
// case-insensitive), or with no argument a table of every rule. An unknown
// code is a usage error, with the closest code suggested.
func runExplain(e env) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dpls explain [ID ...]\n\nWith no ID, lists every rule with its default severity and title.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		for _, r := range rule.All() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Code, r.Severity, r.Title)
		}
		tw.Flush()
		return 0
	}
	var rules []*rule.Rule
	for _, id := range fs.Args() {
		r, ok := rule.Lookup(strings.ToUpper(id))
		if !ok {
			fmt.Fprintf(e.stderr, "dpls explain: unknown rule %q%s\n", id, suggestRule(id))
			return 2
		}
		rules = append(rules, r)
	}
	for i, r := range rules {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "%s (%s): %s\n\n%s\n", r.Code, r.Severity, r.Title, strings.TrimSpace(r.Doc))
	}
	return 0
}

// suggestRule is "; did you mean FT001?" for a near miss, else empty.
func suggestRule(id string) string {
	all := rule.All()
	codes := make([]string, len(all))
	for i, r := range all {
		codes[i] = r.Code
	}
	if best, ok := schema.Closest(id, codes); ok {
		return "; did you mean " + best + "?"
	}
	return "; run `dpls explain` for the list"
}
