package codeactions

import (
	"slices"
	"strings"
	"sync"
)

// Source produces the actions of one family for a request. Sources must not
// modify the workspace (it is an immutable snapshot anyway) and should
// return quickly: an editor asks for actions every time the cursor moves.
type Source struct {
	// Name identifies the source in logs and tests.
	Name string
	// Kinds are the kinds the source may produce; a request whose Only
	// excludes all of them skips the source.
	Kinds []Kind
	// Actions computes the actions.
	Actions func(r Request) []Action
}

var (
	mu      sync.RWMutex
	sources []Source
)

// Register adds a source; sources register from init, so that adding a
// family of actions touches only its own file. The order of registration
// is the order actions are offered in.
func Register(s Source) {
	mu.Lock()
	defer mu.Unlock()
	if slices.ContainsFunc(sources, func(o Source) bool { return o.Name == s.Name }) {
		panic("codeactions: duplicate source " + s.Name)
	}
	sources = append(sources, s)
}

// For returns the actions of every registered source for r, in
// registration order, filtered by r.Only.
func For(r Request) []Action {
	mu.RLock()
	srcs := slices.Clone(sources)
	mu.RUnlock()
	var out []Action
	for _, s := range srcs {
		if !slices.ContainsFunc(s.Kinds, r.Wants) {
			continue
		}
		for _, a := range s.Actions(r) {
			if r.Wants(a.Kind) {
				out = append(out, a)
			}
		}
	}
	return out
}

// Wants reports whether the request asks for actions of kind: Only lists
// kinds and their parents ("refactor" covers "refactor.extract").
func (r Request) Wants(kind Kind) bool {
	return len(r.Only) == 0 || slices.ContainsFunc(r.Only, func(o Kind) bool {
		return kind == o || strings.HasPrefix(string(kind), string(o)+".")
	})
}
