package rule

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/model"
)

// GroupPass is what a group rule sees: the blocks that share one normalized
// name (one service described from several angles), and lookups of other
// names or kinds. Every lookup is recorded, so the analysis can reuse the
// pass's findings in the next snapshot while none of the blocks it read has
// changed: an edit re-runs only the groups that depend on the edited block.
type GroupPass struct {
	// Name is the group's normalized name (model.NormalizeName).
	Name string
	// Blocks are the group's blocks in index order.
	Blocks []Ref
	index  *Index
	rule   *Rule
	deps   []Dep
	out    []GroupFinding
}

// Dep is one lookup a group pass made, and the blocks it saw.
type Dep struct {
	// Key is "name:<normalized name>" or "kind:<kind>".
	Key   string
	Memos []*model.Memo
}

// GroupFinding is a group rule's report. It names blocks by their Memo,
// which survives edits elsewhere in the file, so a cached finding can be
// placed again at the blocks' current offsets.
type GroupFinding struct {
	Code     string
	Severity Severity
	At       BlockSpan
	Message  string
	Related  []GroupRelated
	Fixes    []GroupFix
	// Unnecessary and Deprecated become diagnostic tags.
	Unnecessary, Deprecated bool
}

// BlockSpan is a span relative to the block identified by Memo.
type BlockSpan struct {
	Memo *model.Memo
	Span model.Span
}

// GroupRelated is a related location of a group finding.
type GroupRelated struct {
	At      BlockSpan
	Message string
}

// GroupFix is a quick fix whose edits may touch several blocks.
type GroupFix struct {
	Title string
	Edits []GroupEdit
}

// GroupEdit replaces a span of one block.
type GroupEdit struct {
	At      BlockSpan
	NewText string
}

// NewGroupPass prepares a pass of r over the group norm (a normalized
// name) of idx, whose blocks the caller looked up (idx.ServiceNorm(norm)):
// the passes of every rule over one group share them, since rules only
// read Blocks (a rule's append would copy: the slice has no spare
// capacity).
func NewGroupPass(r *Rule, idx *Index, norm string, blocks []Ref) *GroupPass {
	return &GroupPass{Name: norm, Blocks: blocks[:len(blocks):len(blocks)], index: idx, rule: r}
}

// Lookup returns the blocks whose normalized name is name ("order-service"
// finds OrderService), and records the dependency.
func (p *GroupPass) Lookup(name string) []Ref {
	refs := p.index.Service(name)
	p.record("name:"+model.NormalizeName(name), refs)
	return refs
}

// Kind returns every block of kind, and records the dependency: the pass
// re-runs whenever any block of that kind changes.
func (p *GroupPass) Kind(kind string) []Ref {
	refs := p.index.Kind(kind)
	p.record("kind:"+kind, refs)
	return refs
}

// Get returns the group's first block of kind.
func (p *GroupPass) Get(kind string) (Ref, bool) {
	for _, r := range p.Blocks {
		if r.Block.Kind.Text == kind {
			return r, true
		}
	}
	return Ref{}, false
}

// All returns the group's blocks of kind.
func (p *GroupPass) All(kind string) []Ref {
	var out []Ref
	for _, r := range p.Blocks {
		if r.Block.Kind.Text == kind {
			out = append(out, r)
		}
	}
	return out
}

func (p *GroupPass) record(key string, refs []Ref) {
	p.deps = append(p.deps, depOn(key, refs))
}

// depOn is the dependency of a lookup of key that saw refs.
func depOn(key string, refs []Ref) Dep {
	memos := make([]*model.Memo, len(refs))
	for i, r := range refs {
		memos[i] = r.Block.Memo
	}
	return Dep{Key: key, Memos: memos}
}

// Deps returns the lookups the pass made, its own group's first. That one
// is built here, not when the pass starts: most passes read nothing else
// and find nothing, and then nobody asks (see ReadsOnlyItsGroup).
func (p *GroupPass) Deps() []Dep {
	return append([]Dep{depOn("name:"+p.Name, p.Blocks)}, p.deps...)
}

// ReadsOnlyItsGroup reports whether the pass looked up nothing but its own
// group.
func (p *GroupPass) ReadsOnlyItsGroup() bool { return len(p.deps) == 0 }

// Findings returns what the pass reported.
func (p *GroupPass) Findings() []GroupFinding { return p.out }

// At names a span of ref's block.
func At(ref Ref, span model.Span) BlockSpan { return BlockSpan{Memo: ref.Block.Memo, Span: span} }

// Report records a finding at span of ref's block.
func (p *GroupPass) Report(ref Ref, span model.Span, msg string) *GroupFinding {
	p.out = append(p.out, GroupFinding{Code: p.rule.Code, Severity: p.rule.Severity, At: At(ref, span), Message: msg})
	return &p.out[len(p.out)-1]
}

// Reportf is Report with a formatted message.
func (p *GroupPass) Reportf(ref Ref, span model.Span, format string, args ...any) *GroupFinding {
	return p.Report(ref, span, fmt.Sprintf(format, args...))
}

// Relate adds a related location in ref's block.
func (f *GroupFinding) Relate(ref Ref, span model.Span, msg string) *GroupFinding {
	f.Related = append(f.Related, GroupRelated{At: At(ref, span), Message: msg})
	return f
}

// Fix adds a one-edit quick fix in ref's block.
func (f *GroupFinding) Fix(title string, ref Ref, span model.Span, newText string) *GroupFinding {
	f.Fixes = append(f.Fixes, GroupFix{Title: title, Edits: []GroupEdit{{At: At(ref, span), NewText: newText}}})
	return f
}

// MaterializeGroup turns group findings into diagnostics at the blocks'
// current positions; locate maps a Memo to the block that now carries it.
// A finding whose block has gone is dropped (the pass is stale then anyway).
func MaterializeGroup(fs []GroupFinding, locate func(*model.Memo) (Ref, bool)) []Diagnostic {
	out := make([]Diagnostic, 0, len(fs))
	for _, f := range fs {
		ref, ok := locate(f.At.Memo)
		if !ok {
			continue
		}
		d := Diagnostic{
			Location: ref.Loc(f.At.Span), Severity: f.Severity, Code: f.Code, Message: f.Message,
			Unnecessary: f.Unnecessary, Deprecated: f.Deprecated,
		}
		for _, rel := range f.Related {
			if r, ok := locate(rel.At.Memo); ok {
				d.Related = append(d.Related, r.Related(rel.At.Span, rel.Message))
			}
		}
		for _, fx := range f.Fixes {
			fix := Fix{Title: fx.Title}
			for _, e := range fx.Edits {
				if r, ok := locate(e.At.Memo); ok {
					fix.Edits = append(fix.Edits, TextEdit{Location: r.Loc(e.At.Span), NewText: e.NewText})
				}
			}
			d.Fixes = append(d.Fixes, fix)
		}
		out = append(out, d)
	}
	return out
}
