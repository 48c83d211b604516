package analysis

import (
	"sync"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	// The rule set registers itself.
	_ "github.com/dpls-dev/dpls/analysis/rules"
)

// analyze computes the index and every file's diagnostics, once. Block
// diagnostics come from each file state (reused by pointer across
// snapshots), group findings from the shared group cache; they arrive
// sorted, and cross-block ones are merged in.
func (w *Workspace) analyze() {
	w.once.Do(func() {
		w.index = w.groups.indexFor(w.files)
		// Block rules and group rules are independent: run the block rules
		// of every file while the group cache does its passes, so a cold
		// analysis uses both cores of a small machine.
		var blocksDone sync.WaitGroup
		blocksDone.Add(1)
		go func() {
			defer blocksDone.Done()
			for _, fs := range w.files {
				fs.blocks()
			}
		}()
		defer blocksDone.Wait()
		cross := map[string][]rule.Diagnostic{}
		for _, d := range append(w.groups.groupDiagnostics(w.index, w.files), workspaceDiagnostics(w.index)...) {
			cross[d.File] = append(cross[d.File], d)
		}
		blocksDone.Wait()
		diags := make(map[string][]rule.Diagnostic, len(w.files))
		for name, fs := range w.files {
			diags[name] = w.finish(fs.model, fs.fileDiagnostics(cross[name]))
		}
		w.diags = diags
	})
}

// indexFor returns the index of files: patched from the index of the
// snapshot the group cache last analyzed when only blocks' insides changed
// (see Index.Patch), built anew otherwise.
func (c *groupCache) indexFor(files map[string]*fileState) *rule.Index {
	c.mu.Lock()
	at, atFiles := c.at, c.atFiles
	c.mu.Unlock()
	if idx, ok := patchIndex(at, atFiles, files); ok {
		return idx
	}
	models := make([]*model.File, 0, len(files))
	for _, f := range files {
		models = append(models, f.model)
	}
	return rule.NewIndex(models)
}

func patchIndex(at *rule.Index, atFiles, files map[string]*fileState) (*rule.Index, bool) {
	if at == nil || len(atFiles) != len(files) {
		return nil, false
	}
	idx := at
	for name, f := range files {
		o, ok := atFiles[name]
		if !ok {
			return nil, false
		}
		if o == f {
			continue
		}
		if idx, ok = idx.Patch(name, f.model.Blocks); !ok {
			return nil, false
		}
	}
	return idx, true
}

// blockFindings runs the block rules over b once per block text: the result
// is memoized on the block and travels with it to later snapshots.
func blockFindings(b *model.Block) []rule.Finding {
	return b.Memo.Do(func() any {
		var out []rule.Finding
		p := rule.NewBlockPass(nil, b, &out)
		for _, r := range rule.All() {
			if r.Block != nil {
				runGuarded(r, func() { r.Block(p.Next(r)) })
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

// finish applies configuration and inline suppressions to sorted
// diagnostics, in place.
func (w *Workspace) finish(f *model.File, ds []rule.Diagnostic) []rule.Diagnostic {
	sup := suppressions(f)
	if len(sup) == 0 && len(w.config.Disabled) == 0 && len(w.config.Severity) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		sev, on := w.config.severity(d.Code, d.Severity)
		if !on || sup.covers(d) {
			continue
		}
		d.Severity = sev
		out = append(out, d)
	}
	return out
}
