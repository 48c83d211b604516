package gentest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/generators"
)

// Run generates target for every service of idx it applies to and returns
// the files plus a NOTES file listing every note with its file and byte
// range ("s9_1.dpl@12-20: kubernetes: …"), so goldens pin the notes too.
func Run(t *testing.T, target generators.Target, idx *rule.Index) []generators.File {
	t.Helper()
	var files []generators.File
	var notes []string
	for _, svc := range generators.Services(idx) {
		if !target.Applies(svc) {
			continue
		}
		res, err := generators.Run(target, svc)
		if err != nil {
			t.Fatalf("%s for %s: %v", target.Name, svc.Name, err)
		}
		files = append(files, res.Files...)
		for _, n := range res.Notes {
			notes = append(notes, fmt.Sprintf("%s@%d-%d: %s", n.File, n.Span.Start, n.Span.End, n.String()))
		}
	}
	if len(notes) > 0 {
		files = append(files, generators.File{Path: "NOTES", Content: []byte(strings.Join(notes, "\n") + "\n")})
	}
	return files
}

// Generated drops the NOTES pseudo-file.
func Generated(files []generators.File) []generators.File {
	var out []generators.File
	for _, f := range files {
		if f.Path != "NOTES" {
			out = append(out, f)
		}
	}
	return out
}
