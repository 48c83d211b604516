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
