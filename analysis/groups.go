package analysis

import (
	"sort"
	"strings"
	"sync"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// groupCache keeps each group rule's findings per group, with the lookups
// the pass made. Snapshots derived from one another share it: an entry is
// reused only while every block it read is still there unchanged (same
// Memo), so an older snapshot can never see a newer snapshot's findings.
//
// The cache remembers the snapshot it last brought up to date (at, with
// its files). A later analysis diffs its files against those — pointer
// comparisons of unchanged files, then of the blocks of changed ones — and
// re-checks only the entries whose lookups name a block that changed, found
// through the reverse dependencies (rdeps). So an edit costs the passes
// that read the edited block, not one check per rule and group. Any
// snapshot can be diffed against any other, so analyzing an older
// snapshot after a newer one stays correct.
type groupCache struct {
	mu      sync.Mutex
	entries map[groupKey]*groupEntry
	// rdeps maps a dependency key ("name:x", "kind:k") to the entries
	// whose pass made that lookup.
	rdeps map[string]map[groupKey]struct{}
	// found holds the entries that have findings.
	found map[groupKey]struct{}
	// rules are the group rules the entries were computed for.
	rules []*rule.Rule
	// at is the index every entry was last checked against, atFiles the
	// files of that snapshot; nil before the first analysis.
	at      *rule.Index
	atFiles map[string]*fileState
}

type groupKey struct{ code, name string }

type groupEntry struct {
	deps     []rule.Dep
	findings []rule.GroupFinding
	// diags are findings materialized at blocks, whose pointers pin the
	// positions they were placed at; reused while those blocks stay.
	diags  []rule.Diagnostic
	blocks []*model.Block
}

// materialize places the entry's findings at the blocks of idx, reusing
// the last placement when every block they name is where it was.
func (e *groupEntry) materialize(idx *rule.Index) []rule.Diagnostic {
	if e.blocks != nil && e.placedIn(idx) {
		return e.diags
	}
	e.blocks = e.blocks[:0]
	locate := func(m *model.Memo) (rule.Ref, bool) {
		r, ok := idx.Locate(m)
		e.blocks = append(e.blocks, r.Block)
		return r, ok
	}
	e.diags = rule.MaterializeGroup(e.findings, locate)
	return e.diags
}

func (e *groupEntry) placedIn(idx *rule.Index) bool {
	i := 0
	ok := true
	visit := func(m *model.Memo) {
		r, _ := idx.Locate(m)
		if i >= len(e.blocks) || e.blocks[i] != r.Block {
			ok = false
		}
		i++
	}
	for _, f := range e.findings {
		visit(f.At.Memo)
		for _, r := range f.Related {
			visit(r.At.Memo)
		}
		for _, fx := range f.Fixes {
			for _, ed := range fx.Edits {
				visit(ed.At.Memo)
			}
		}
	}
	return ok && i == len(e.blocks)
}

func newGroupCache() *groupCache {
	return &groupCache{
		entries: map[groupKey]*groupEntry{},
		rdeps:   map[string]map[groupKey]struct{}{},
		found:   map[groupKey]struct{}{},
	}
}

// groupDiagnostics returns every group rule's findings over every name
// group of idx, the index of files, reusing cached passes whose inputs did
// not change. One analysis updates the cache at a time.
func (c *groupCache) groupDiagnostics(idx *rule.Index, files map[string]*fileState) []rule.Diagnostic {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at == nil {
		c.rules = groupRules()
		c.full(idx)
	} else if changed := changedKeys(c.atFiles, files); len(changed) > len(idx.Groups())/2 {
		// A file opened or replaced wholesale: every group is dirty, and
		// one pass over them is cheaper than collecting rules × names
		// dirty keys first (the first analysis of a server that started
		// with an empty workspace).
		c.full(idx)
	} else {
		c.update(idx, changed)
	}
	c.at, c.atFiles = idx, files
	return c.diagnostics(idx)
}

func groupRules() []*rule.Rule {
	var out []*rule.Rule
	for _, r := range rule.All() {
		if r.Group != nil {
			out = append(out, r)
		}
	}
	return out
}

// full checks every rule over every group, and forgets entries of groups
// that no longer exist.
func (c *groupCache) full(idx *rule.Index) {
	codes := make(map[string]bool, len(c.rules))
	for _, r := range c.rules {
		codes[r.Code] = true
	}
	for _, name := range idx.Groups() {
		blocks := idx.ServiceNorm(name) // one lookup for all rules of the group
		for _, r := range c.rules {
			c.check(r, idx, groupKey{r.Code, name}, blocks)
		}
	}
	// An entry is live while its rule is a group rule and its group
	// exists (asking the index, not a set of every key checked: that set
	// held rules × groups keys, 60,000 at 50k lines).
	for k := range c.entries {
		if !codes[k.code] || !idx.HasGroup(k.name) {
			c.forget(k)
		}
	}
}

// update re-checks the entries that looked up a changed key, runs every
// rule over groups that a changed name created, and forgets the groups it
// removed.
func (c *groupCache) update(idx *rule.Index, changed []string) {
	dirty := map[groupKey]bool{}
	for _, key := range changed {
		for k := range c.rdeps[key] {
			dirty[k] = true
		}
		if name, ok := strings.CutPrefix(key, "name:"); ok {
			for _, r := range c.rules {
				dirty[groupKey{r.Code, name}] = true
			}
		}
	}
	for k := range dirty {
		if !idx.HasGroup(k.name) {
			c.forget(k)
			continue
		}
		if r, ok := rule.Lookup(k.code); ok && r.Group != nil {
			c.check(r, idx, k, idx.ServiceNorm(k.name))
		}
	}
}

// check reuses the entry of key if its lookups still see the same blocks,
// and runs the pass otherwise.
func (c *groupCache) check(r *rule.Rule, idx *rule.Index, key groupKey, blocks []rule.Ref) {
	if e := c.entries[key]; e != nil && depsCurrent(e.deps, idx) {
		return
	}
	p := rule.NewGroupPass(r, idx, key.name, blocks)
	runGuarded(r, func() { r.Group(p) })
	c.forget(key)
	if len(p.Findings()) == 0 && p.ReadsOnlyItsGroup() {
		// Most passes find nothing and look up nothing but their own
		// group. Such a pass needs no entry: update re-runs every rule of
		// a group whose name changed, which is all the entry would say.
		// (A large file has thousands of them; their entries were most
		// of what a first analysis allocated.)
		return
	}
	e := &groupEntry{deps: p.Deps(), findings: p.Findings()}
	c.entries[key] = e
	for _, d := range e.deps {
		set := c.rdeps[d.Key]
		if set == nil {
			set = map[groupKey]struct{}{}
			c.rdeps[d.Key] = set
		}
		set[key] = struct{}{}
	}
	if len(e.findings) > 0 {
		c.found[key] = struct{}{}
	}
}

// forget drops the entry of key and its reverse dependencies.
func (c *groupCache) forget(key groupKey) {
	e := c.entries[key]
	if e == nil {
		return
	}
	for _, d := range e.deps {
		if set := c.rdeps[d.Key]; set != nil {
			delete(set, key)
			if len(set) == 0 {
				delete(c.rdeps, d.Key)
			}
		}
	}
	delete(c.entries, key)
	delete(c.found, key)
}

// diagnostics lists the cached findings, placed at idx's blocks, in a
// fixed order (rule code, then group name), so the result does not depend
// on the cache's history.
func (c *groupCache) diagnostics(idx *rule.Index) []rule.Diagnostic {
	keys := make([]groupKey, 0, len(c.found))
	for k := range c.found {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].code != keys[j].code {
			return keys[i].code < keys[j].code
		}
		return keys[i].name < keys[j].name
	})
	var out []rule.Diagnostic
	for _, k := range keys {
		out = append(out, c.entries[k].materialize(idx)...)
	}
	return out
}

// changedKeys is the dependency keys whose lookups may answer differently
// in files than in old: the name and kind of every block that is in one
// and not at the same place in the other. Unchanged files are skipped by
// pointer; in a changed file, the blocks of the common prefix and suffix
// (same Memo, in order) are unchanged and the ones between are changed.
func changedKeys(old, files map[string]*fileState) []string {
	var keys []string
	add := func(blocks []*model.Block) {
		for _, b := range blocks {
			keys = append(keys, "kind:"+b.Kind.Text)
			if b.Name.Text != "" {
				keys = append(keys, "name:"+b.NormName())
			}
		}
	}
	for name, f := range files {
		o := old[name]
		if o == f {
			continue
		}
		ob, nb := blocksOf(o), blocksOf(f)
		i := 0
		for i < len(ob) && i < len(nb) && ob[i].Memo == nb[i].Memo {
			i++
		}
		j := 0
		for j < len(ob)-i && j < len(nb)-i && ob[len(ob)-1-j].Memo == nb[len(nb)-1-j].Memo {
			j++
		}
		add(ob[i : len(ob)-j])
		add(nb[i : len(nb)-j])
	}
	for name, o := range old {
		if _, ok := files[name]; !ok {
			add(blocksOf(o))
		}
	}
	return keys
}

func blocksOf(f *fileState) []*model.Block {
	if f == nil || f.model == nil {
		return nil
	}
	return f.model.Blocks
}

// depsCurrent reports whether every lookup of a cached pass would see the
// same blocks in idx.
func depsCurrent(deps []rule.Dep, idx *rule.Index) bool {
	for _, d := range deps {
		var refs []rule.Ref
		if name, ok := strings.CutPrefix(d.Key, "name:"); ok {
			refs = idx.ServiceNorm(name)
		} else if kind, ok := strings.CutPrefix(d.Key, "kind:"); ok {
			refs = idx.Kind(kind)
		}
		if len(refs) != len(d.Memos) {
			return false
		}
		for i, r := range refs {
			if r.Block.Memo != d.Memos[i] {
				return false
			}
		}
	}
	return true
}
