package navigation

import (
	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// blockOccurrences finds the symbols written in one block: its name, the
// references of its schema fields, and (for transactions) its participants.
func blockOccurrences(w *analysis.Workspace, file string, b *model.Block) []symOcc {
	var out []symOcc
	add := func(sym Symbol, span model.Span, def, quoted bool) {
		out = append(out, symOcc{sym, Occurrence{File: file, Span: b.Abs(span), Def: def, Quoted: quoted}})
	}
	if b.Name.Text != "" {
		add(Symbol{Kind: SymService, Key: model.NormalizeName(b.Name.Text)}, b.Name.Span, true, false)
	}
	if b.Body == nil {
		return out
	}
	walkRefs(b, b.Body, nil, func(to schema.RefTarget, s *model.String, key *model.Ident) {
		switch {
		case key != nil && to == schema.RefParticipant:
			add(Symbol{Kind: SymParticipant, Key: key.Text, Scope: b.Name.Text}, key.Span, false, false)
		case key != nil:
		case to == schema.RefService:
			add(Symbol{Kind: SymService, Key: model.NormalizeName(s.Value)}, s.Span, false, true)
		case to == schema.RefParticipant:
			add(Symbol{Kind: SymParticipant, Key: s.Value, Scope: b.Name.Text}, s.Span, true, true)
		case to == schema.RefKind && b.Name.Text != "":
			if _, ok := w.Index().Get(s.Value, b.Name.Text); ok {
				add(Symbol{Kind: SymService, Key: model.NormalizeName(b.Name.Text)}, s.Span, false, true)
			}
		}
	})
	// Participants are services; compensation keys name them as
	// participants of this transaction.
	names, spans, _ := typed.Of(b).Strings("participants")
	for i, n := range names {
		add(Symbol{Kind: SymParticipant, Key: n, Scope: b.Name.Text}, spans[i], true, true)
	}
	out = append(out, metricOccurrences(w, file, b)...)
	return out
}

// walkRefs calls fn for every string the schema types as a reference, and
// for every key of an object whose open keys are references.
func walkRefs(b *model.Block, o *model.Object, path []string, fn func(schema.RefTarget, *model.String, *model.Ident)) {
	obj, ok := schema.ObjectAt(b.Kind.Text, path)
	if !ok {
		return
	}
	for _, m := range o.Members {
		f, ok := obj.Field(m.Key.Text)
		if !ok {
			continue
		}
		if obj.OpenKeys == f && obj.KeysRefer != "" {
			key := m.Key
			fn(obj.KeysRefer, nil, &key)
		}
		sub := append(append([]string(nil), path...), m.Key.Text)
		visitValue(b, f.Type, m.Value, sub, fn)
	}
}

func visitValue(b *model.Block, t schema.Type, v model.Value, path []string, fn func(schema.RefTarget, *model.String, *model.Ident)) {
	switch val := v.(type) {
	case *model.String:
		if r, ok := refOf(t); ok {
			fn(r.To, val, nil)
		}
	case *model.Array:
		elem := t
		if l, ok := listOf(t); ok {
			elem = l.Elem
		}
		for _, e := range val.Elems {
			visitValue(b, elem, e, path, fn)
		}
	case *model.Object:
		walkRefs(b, val, path, fn)
	}
}

func refOf(t schema.Type) (schema.Reference, bool) {
	switch v := t.(type) {
	case schema.Reference:
		return v, true
	case *schema.OneOf:
		for _, alt := range v.Types {
			if r, ok := refOf(alt); ok {
				return r, true
			}
		}
	}
	return schema.Reference{}, false
}

func listOf(t schema.Type) (*schema.List, bool) {
	switch v := t.(type) {
	case *schema.List:
		return v, true
	case *schema.OneOf:
		for _, alt := range v.Types {
			if l, ok := listOf(alt); ok {
				return l, true
			}
		}
	}
	return nil, false
}
