package report

import (
	"io"
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// FuzzFormats renders a finding with any range over any text in every
// format: positions are clamped, never out of bounds, whatever the bytes.
func FuzzFormats(f *testing.F) {
	f.Add([]byte(fileA), 10, 40)
	f.Add([]byte("\t\xff\r\n😀"), 2, 1)
	f.Add([]byte(""), -3, 7)
	f.Fuzz(func(t *testing.T, src []byte, start, end int) {
		r := Report{
			Sources: map[string][]byte{"f.dpl": src},
			Diagnostics: []rule.Diagnostic{{
				Location: rule.Location{File: "f.dpl", Span: model.Span{Start: start, End: end}},
				Severity: rule.Warning, Code: "X1", Message: string(src),
				Related: []rule.Related{{Location: rule.Location{File: "f.dpl", Span: model.Span{Start: end, End: start}}}},
				Fixes:   []rule.Fix{{Title: "t", Edits: []rule.TextEdit{{Location: rule.Location{File: "f.dpl", Span: model.Span{Start: start, End: end}}}}}},
			}},
		}
		for _, format := range Formats {
			if err := Write(io.Discard, format, r, Options{Color: true}); err != nil {
				t.Fatal(err)
			}
		}
	})
}
