package registry

import (
	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// InputErrors are the findings that stop generation from outputs: the
// error findings inside the blocks of the services they were generated
// for, in output, block and finding order. Generating from a block the
// analyzer rejects (a port out of range, a retry policy that cannot end)
// would write configuration nobody asked for, so nothing is written until
// they are fixed. Errors in other blocks do not stop it, nor do warnings;
// a rule the settings lower below error no longer blocks.
//
// This is the one gate: `dpls generate` prints the findings and writes
// nothing; the editor disables its generation actions and fails its
// dpls.generate commands naming them.
func InputErrors(ws *analysis.Workspace, outputs []Output) []rule.Diagnostic {
	idx := ws.Index()
	var out []rule.Diagnostic
	seen := map[string]bool{}
	for _, o := range outputs {
		if seen[o.Service] {
			continue
		}
		seen[o.Service] = true
		for _, r := range idx.Named(o.Service) {
			for _, d := range ws.Diagnostics(r.File) {
				in := d.Span.Start >= r.Block.Start && d.Span.Start <= r.Block.Start+r.Block.Len
				if d.Severity == rule.Error && in {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// Position is where loc starts as compilers print it, and as both the
// command line and the editor name a finding that stops generation: the
// 1-based line and the 1-based column in bytes. It is 0, 0 when the
// workspace does not hold the file.
func Position(ws *analysis.Workspace, loc rule.Location) (line, col int) {
	f := ws.File(loc.File)
	if f == nil {
		return 0, 0
	}
	line, col = 1, 1
	for i := 0; i < loc.Span.Start && i < len(f.Src); i++ {
		if f.Src[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
