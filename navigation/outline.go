package navigation

import (
	"sort"
	"strings"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// OutlineKind says what an outline entry is.
type OutlineKind int

const (
	OutlineKindGroup OutlineKind = iota + 1 // a block kind, grouping its blocks
	OutlineBlock
	OutlineObject
	OutlineKey
	OutlineArray
)

// DocSymbol is one entry of a file's outline: block kinds, then their
// blocks, then keys.
type DocSymbol struct {
	Name, Detail string
	Kind         OutlineKind
	// Span is the whole entry; Selection the part to reveal (its name).
	Span, Selection model.Span
	Children        []DocSymbol
}

// DocumentSymbols returns the outline of a file.
func DocumentSymbols(w *analysis.Workspace, file string) []DocSymbol {
	f := w.File(file)
	if f == nil {
		return nil
	}
	var groups []DocSymbol
	index := map[string]int{}
	for _, b := range f.Blocks {
		i, ok := index[b.Kind.Text]
		if !ok {
			i = len(groups)
			index[b.Kind.Text] = i
			groups = append(groups, DocSymbol{Name: b.Kind.Text, Kind: OutlineKindGroup, Span: b.Abs(b.Span()), Selection: b.Abs(b.Kind.Span)})
		}
		g := &groups[i]
		g.Children = append(g.Children, blockSymbol(b))
		g.Span.End = b.Start + b.Len
	}
	return groups
}

func blockSymbol(b *model.Block) DocSymbol {
	name := b.Name.Text
	sel := b.Name.Span
	if name == "" {
		name, sel = b.Kind.Text, b.Kind.Span
	}
	s := DocSymbol{Name: name, Detail: b.Kind.Text, Kind: OutlineBlock, Span: b.Abs(b.Span()), Selection: b.Abs(sel)}
	if b.Body != nil {
		s.Children = memberSymbols(b, b.Body)
	}
	return s
}

func memberSymbols(b *model.Block, o *model.Object) []DocSymbol {
	var out []DocSymbol
	for _, m := range o.Members {
		s := DocSymbol{Name: m.Key.Text, Kind: OutlineKey, Span: b.Abs(m.Span), Selection: b.Abs(m.Key.Span)}
		switch v := m.Value.(type) {
		case *model.Object:
			s.Kind = OutlineObject
			s.Children = memberSymbols(b, v)
		case *model.Array:
			s.Kind = OutlineArray
		case *model.String:
			s.Detail = `"` + v.Value + `"`
		case *model.Number:
			s.Detail = v.Text
		case *model.Bool:
			s.Detail = map[bool]string{true: "true", false: "false"}[v.Value]
		}
		out = append(out, s)
	}
	return out
}

// WorkspaceSymbol is a block found by a workspace-wide search.
type WorkspaceSymbol struct {
	Name, Kind, File string
	Span             model.Span
}

// WorkspaceSymbols returns the blocks whose name or "kind name" contains
// query (case-insensitive), sorted by name then kind.
func WorkspaceSymbols(w *analysis.Workspace, query string) []WorkspaceSymbol {
	q := strings.ToLower(query)
	var out []WorkspaceSymbol
	for _, r := range w.Index().All() {
		label := strings.ToLower(r.Block.Label())
		if q != "" && !strings.Contains(label, q) && !strings.Contains(model.NormalizeName(label), model.NormalizeName(q)) {
			continue
		}
		name := r.Block.Name.Text
		if name == "" {
			name = r.Block.Kind.Text
		}
		out = append(out, WorkspaceSymbol{Name: name, Kind: r.Block.Kind.Text, File: r.File, Span: r.Block.Abs(r.Block.Name.Span)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

func kindNames() map[string]bool {
	m := map[string]bool{}
	for _, k := range schema.Kinds() {
		m[k] = true
	}
	return m
}
