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
type Index struct {
	all    []Ref
	byKind map[string][]Ref
	byName map[string][]Ref
	byNorm map[string][]Ref
	byMemo map[*model.Memo]Ref
	groups []string
}

// NewIndex indexes the blocks of files, in file-name order.
func NewIndex(files []*model.File) *Index {
	idx := &Index{byKind: map[string][]Ref{}, byName: map[string][]Ref{}, byNorm: map[string][]Ref{}, byMemo: map[*model.Memo]Ref{}}
	sorted := append([]*model.File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, f := range sorted {
		for _, b := range f.Blocks {
			r := Ref{File: f.Name, Block: b}
			idx.all = append(idx.all, r)
			idx.byMemo[b.Memo] = r
			idx.byKind[b.Kind.Text] = append(idx.byKind[b.Kind.Text], r)
			if b.Name.Text != "" {
				idx.byName[b.Name.Text] = append(idx.byName[b.Name.Text], r)
				n := model.NormalizeName(b.Name.Text)
				if len(idx.byNorm[n]) == 0 {
					idx.groups = append(idx.groups, n)
				}
				idx.byNorm[n] = append(idx.byNorm[n], r)
			}
		}
	}
	return idx
}

// All returns every block.
func (x *Index) All() []Ref { return x.all }

// Kind returns the blocks of one kind.
func (x *Index) Kind(kind string) []Ref { return x.byKind[kind] }

// Named returns the blocks with exactly this name, of any kind.
func (x *Index) Named(name string) []Ref { return x.byName[name] }

// Get returns the first block of kind and name.
func (x *Index) Get(kind, name string) (Ref, bool) {
	for _, r := range x.byName[name] {
		if r.Block.Kind.Text == kind {
			return r, true
		}
	}
	return Ref{}, false
}

// Service returns the blocks whose normalized name matches a service name
// as lists write it ("order-service" finds OrderService).
func (x *Index) Service(name string) []Ref { return x.byNorm[model.NormalizeName(name)] }

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
	r, ok := x.byMemo[memo]
	return r, ok
}
