package rule

import (
	"sort"
	"sync"
)

// Rule is one diagnostic rule.
type Rule struct {
	// Code is stable and never reused: FT001, CN002, SYN001.
	Code string
	// Severity is the default; configuration may change it.
	Severity Severity
	// Title is a one-line summary, shown by `dpls explain` and in SARIF.
	Title string
	// Doc is markdown: what the rule checks, why it matters, how to fix it,
	// and the sources it rests on.
	Doc string
	// Block checks one block in isolation. Its findings are cached with the
	// block's text, so it must look at nothing but the pass.
	Block func(p *BlockPass)
	// Group checks the blocks that share one normalized name, and whatever
	// other names or kinds it looks up through the pass. Its findings are
	// reused until a block it read changes, so it must read nothing else.
	Group func(p *GroupPass)
	// Workspace checks facts across every block of every file. It re-runs
	// on every change: prefer Group.
	Workspace func(p *WorkspacePass)
}

// SyntaxCode is the code of syntax errors, which the parser finds rather
// than a rule; the rule of that code documents them.
const SyntaxCode = "SYN001"

var (
	mu       sync.RWMutex
	registry = map[string]*Rule{}
	// sorted caches All; a registration clears it.
	sorted []*Rule
)

// Register adds r to the rule set; rule files call it from init. A second
// rule with the same code is a programming error.
func Register(r *Rule) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[r.Code]; dup {
		panic("rule: duplicate rule code " + r.Code)
	}
	registry[r.Code] = r
	sorted = nil
}

// Lookup returns the rule with the given code.
func Lookup(code string) (*Rule, bool) {
	mu.RLock()
	defer mu.RUnlock()
	r, ok := registry[code]
	return r, ok
}

// All returns every registered rule, sorted by code. The analysis asks
// for it once per block and per group, so the sorted list is built once per
// registration, not per call; callers get a copy of the slice header and
// must not reorder or modify its elements.
func All() []*Rule {
	mu.RLock()
	all := sorted
	mu.RUnlock()
	if all != nil {
		return all
	}
	mu.Lock()
	defer mu.Unlock()
	if sorted == nil {
		sorted = make([]*Rule, 0, len(registry))
		for _, r := range registry {
			sorted = append(sorted, r)
		}
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].Code < sorted[j].Code })
	}
	return sorted[:len(sorted):len(sorted)]
}
