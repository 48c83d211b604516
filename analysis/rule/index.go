package rule

import (
	"sort"

	"github.com/dpls-dev/dpls/analysis/model"
)

// Ref is a block and the file it is in.
type Ref struct {
	File  string
	Block *model.Block
}

// Loc converts a span relative to the block into a location.
func (r Ref) Loc(span model.Span) Location {
	return Location{File: r.File, Span: r.Block.Abs(span)}
}

// Related builds a related-information entry pointing into r's block.
func (r Ref) Related(span model.Span, msg string) Related {
	return Related{Location: r.Loc(span), Message: msg}
}

// Index is every block of the workspace, by kind and by name. Blocks that
// share a name describe the same service from different angles; names are
// matched exactly here, and NormalizeName-equal for service lists.
//
// The tables hold positions in all rather than the blocks themselves, so
// an edit that moves blocks (every block after it, when its length
// changes) only rewrites all: see Patch.
type Index struct {
	all    []Ref
	byKind map[string][]int32
	byName map[string][]int32
	byNorm map[string][]int32
	byMemo map[*model.Memo]int32
	groups []string
	// files maps each file to the range of its blocks in all.
	files map[string][2]int
	// over holds the memos Patch replaced, read before byMemo, which a
	// patched index shares with the one it was patched from.
	over *memoOverlay
}

// NewIndex indexes the blocks of files, in file-name order.
func NewIndex(files []*model.File) *Index {
	sorted := append([]*model.File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	n := 0
	for _, f := range sorted {
		n += len(f.Blocks)
	}
	idx := &Index{
		all:    make([]Ref, 0, n),
		byKind: map[string][]int32{}, byName: make(map[string][]int32, n), byNorm: make(map[string][]int32, n),
		byMemo: make(map[*model.Memo]int32, n),
		files:  make(map[string][2]int, len(sorted)),
	}
	for _, f := range sorted {
		idx.files[f.Name] = [2]int{len(idx.all), len(idx.all) + len(f.Blocks)}
		for _, b := range f.Blocks {
			pos := int32(len(idx.all))
			idx.all = append(idx.all, Ref{File: f.Name, Block: b})
			idx.byMemo[b.Memo] = pos
			idx.byKind[b.Kind.Text] = append(idx.byKind[b.Kind.Text], pos)
			if b.Name.Text != "" {
				idx.byName[b.Name.Text] = append(idx.byName[b.Name.Text], pos)
				norm := b.NormName()
				if len(idx.byNorm[norm]) == 0 {
					idx.groups = append(idx.groups, norm)
				}
				idx.byNorm[norm] = append(idx.byNorm[norm], pos)
			}
		}
	}
	return idx
}

// refs returns the blocks at positions, in a new slice.
func (x *Index) refs(positions []int32) []Ref {
	if len(positions) == 0 {
		return nil
	}
	out := make([]Ref, len(positions))
	for i, p := range positions {
		out[i] = x.all[p]
	}
	return out
}

// All returns every block.
func (x *Index) All() []Ref { return x.all }

// Kind returns the blocks of one kind.
func (x *Index) Kind(kind string) []Ref { return x.refs(x.byKind[kind]) }

// Named returns the blocks with exactly this name, of any kind.
func (x *Index) Named(name string) []Ref { return x.refs(x.byName[name]) }

// Get returns the first block of kind and name.
func (x *Index) Get(kind, name string) (Ref, bool) {
	for _, p := range x.byName[name] {
		if r := x.all[p]; r.Block.Kind.Text == kind {
			return r, true
		}
	}
	return Ref{}, false
}

// Service returns the blocks whose normalized name matches a service name
// as lists write it ("order-service" finds OrderService).
func (x *Index) Service(name string) []Ref { return x.ServiceNorm(model.NormalizeName(name)) }

// ServiceNorm is Service for a name already in normalized form, without
// normalizing it again (the group cache checks thousands per analysis).
func (x *Index) ServiceNorm(norm string) []Ref { return x.refs(x.byNorm[norm]) }

// HasGroup reports whether some block's normalized name is norm.
func (x *Index) HasGroup(norm string) bool { return len(x.byNorm[norm]) > 0 }

// Names returns every block name, sorted.
func (x *Index) Names() []string {
	names := make([]string, 0, len(x.byName))
	for n := range x.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Groups returns every normalized block name, in first-seen order: the
// groups that group rules run over.
func (x *Index) Groups() []string { return x.groups }

// Locate returns the block that carries memo in this snapshot.
func (x *Index) Locate(memo *model.Memo) (Ref, bool) {
	if x.over != nil {
		if p, ok := x.over.added[memo]; ok {
			return x.all[p], true
		}
		if x.over.gone[memo] {
			return Ref{}, false
		}
	}
	if p, ok := x.byMemo[memo]; ok {
		return x.all[p], true
	}
	return Ref{}, false
}
