package analysis

import (
	"sort"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	// The rule set registers itself.
	_ "github.com/dpls-dev/dpls/analysis/rules"
)

// analyze computes the index and every file's diagnostics, once.
func (w *Workspace) analyze() {
	w.once.Do(func() {
		models := make([]*model.File, 0, len(w.files))
		for _, f := range w.files {
			models = append(models, f.model)
		}
		w.index = rule.NewIndex(models)
		diags := map[string][]rule.Diagnostic{}
		for _, f := range models {
			diags[f.Name] = fileDiagnostics(f)
		}
		cross := append(w.groups.groupDiagnostics(w.index), workspaceDiagnostics(w.index)...)
		for _, d := range cross {
			diags[d.File] = append(diags[d.File], d)
		}
		for name, ds := range diags {
			diags[name] = w.finish(w.File(name), ds)
		}
		w.diags = diags
	})
}

// fileDiagnostics is every block rule's findings for f, plus the syntax
// errors outside blocks.
func fileDiagnostics(f *model.File) []rule.Diagnostic {
	var out []rule.Diagnostic
	for _, e := range f.Stray {
		out = append(out, rule.Diagnostic{
			Location: rule.Location{File: f.Name, Span: e.Span},
			Severity: rule.Error, Code: rule.SyntaxCode, Message: e.Msg,
		})
	}
	for _, b := range f.Blocks {
		out = append(out, rule.Materialize(f.Name, b, blockFindings(b))...)
	}
	return out
}

// blockFindings runs the block rules over b once per block text: the result
// is memoized on the block and travels with it to later snapshots.
func blockFindings(b *model.Block) []rule.Finding {
	return b.Memo.Do(func() any {
		var out []rule.Finding
		for _, r := range rule.All() {
			if r.Block != nil {
				runGuarded(r, func() { r.Block(rule.NewBlockPass(r, b, &out)) })
			}
		}
		return out
	}).([]rule.Finding)
}

func workspaceDiagnostics(idx *rule.Index) []rule.Diagnostic {
	var out []rule.Diagnostic
	for _, r := range rule.All() {
		if r.Workspace != nil {
			runGuarded(r, func() { r.Workspace(rule.NewWorkspacePass(r, idx, &out)) })
		}
	}
	return out
}

// finish applies configuration and inline suppressions, and sorts.
func (w *Workspace) finish(f *model.File, ds []rule.Diagnostic) []rule.Diagnostic {
	sup := suppressions(f)
	out := ds[:0]
	for _, d := range ds {
		sev, on := w.config.severity(d.Code, d.Severity)
		if !on || sup.covers(d) {
			continue
		}
		d.Severity = sev
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Span.Start != out[j].Span.Start {
			return out[i].Span.Start < out[j].Span.Start
		}
		return out[i].Code < out[j].Code
	})
	return out
}
