package analysis

import (
	"sync"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// groupCache keeps each group rule's findings per group, with the lookups
// the pass made. Snapshots derived from one another share it: an entry is
// reused only while every block it read is still there unchanged (same
// Memo), so an older snapshot can never see a newer snapshot's findings.
type groupCache struct {
	mu      sync.Mutex
	entries map[groupKey]*groupEntry
}

type groupKey struct{ code, name string }

type groupEntry struct {
	deps     []rule.Dep
	findings []rule.GroupFinding
}

func newGroupCache() *groupCache { return &groupCache{entries: map[groupKey]*groupEntry{}} }

// groupDiagnostics runs every group rule over every name group of idx,
// reusing cached passes whose inputs did not change.
func (c *groupCache) groupDiagnostics(idx *rule.Index) []rule.Diagnostic {
	var found []rule.GroupFinding
	live := map[groupKey]bool{}
	for _, r := range rule.All() {
		if r.Group == nil {
			continue
		}
		for _, name := range idx.Groups() {
			key := groupKey{r.Code, name}
			live[key] = true
			found = append(found, c.run(r, idx, key)...)
		}
	}
	c.prune(live)
	return rule.MaterializeGroup(found, idx.Locate)
}

func (c *groupCache) run(r *rule.Rule, idx *rule.Index, key groupKey) []rule.GroupFinding {
	c.mu.Lock()
	e := c.entries[key]
	c.mu.Unlock()
	if e != nil && depsCurrent(e.deps, idx) {
		return e.findings
	}
	p := rule.NewGroupPass(r, idx, key.name)
	runGuarded(r, func() { r.Group(p) })
	e = &groupEntry{deps: p.Deps(), findings: p.Findings()}
	c.mu.Lock()
	c.entries[key] = e
	c.mu.Unlock()
	return e.findings
}

// prune forgets groups that no longer exist, so a long session does not
// keep every name it ever saw.
func (c *groupCache) prune(live map[groupKey]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.entries {
		if !live[k] {
			delete(c.entries, k)
		}
	}
}

// depsCurrent reports whether every lookup of a cached pass would see the
// same blocks in idx.
func depsCurrent(deps []rule.Dep, idx *rule.Index) bool {
	for _, d := range deps {
		if !sameMemos(d.Memos, lookupMemos(idx, d.Key)) {
			return false
		}
	}
	return true
}

func lookupMemos(idx *rule.Index, key string) []*model.Memo {
	var refs []rule.Ref
	switch {
	case len(key) > 5 && key[:5] == "name:":
		refs = idx.Service(key[5:])
	case len(key) > 5 && key[:5] == "kind:":
		refs = idx.Kind(key[5:])
	}
	memos := make([]*model.Memo, len(refs))
	for i, r := range refs {
		memos[i] = r.Block.Memo
	}
	return memos
}

func sameMemos(a, b []*model.Memo) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
