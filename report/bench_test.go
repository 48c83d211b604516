package report

import (
	"bytes"
	"io"
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// BenchmarkFormats renders 2,000 findings (one per 25 lines, each with a
// related location) over a 50k-line file in each format; the bytes per op
// are the file's.
func BenchmarkFormats(b *testing.B) {
	src := testgen.Workspace(50_000)
	var ds []rule.Diagnostic
	line := 0
	for i := 0; i < len(src); i++ {
		if src[i] != '\n' {
			continue
		}
		if line++; line%25 == 0 {
			end := i + 1 + max(0, bytes.IndexByte(src[i+1:], '\n'))
			ds = append(ds, rule.Diagnostic{
				Location: rule.Location{File: "w.dpl", Span: model.Span{Start: i + 1, End: end}},
				Severity: rule.Warning, Code: "FT001", Message: "a finding",
				Related: []rule.Related{{Location: rule.Location{File: "w.dpl", Span: model.Span{Start: 0, End: 5}}, Message: "see"}},
			})
		}
	}
	r := Report{Diagnostics: ds, Sources: map[string][]byte{"w.dpl": src}}
	o := fixtureOptions()
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if err := Write(io.Discard, format, r, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
