package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// The language rules (DPL001, DPL002, DPL006, DPL007, GEN001–GEN003) need the
// same thing: every object and value of a block, paired with the schema of
// its position. langWalk is that one traversal, so the rules agree on
// what a position means (an object under a count-or-object field is the
// object form; list elements take the list's element type; an object where
// a list is expected is a wrong shape and is not descended into).

// langObjectSite is one object of a block together with its schema.
type langObjectSite struct {
	Obj    *model.Object
	Schema *schema.Object
	// Where names the object in messages: the member key that holds it
	// ("retry"), or the block's label for the body.
	Where string
	// At is where to report something about the object as a whole: the
	// holding member's key, the block name for the body, the `{` of a list
	// element.
	At model.Span
}

// langMemberSite is one member with the field its key resolves to.
type langMemberSite struct {
	langObjectSite
	Member *model.Member
	// Field is nil when the object's schema does not know the key.
	Field *schema.Field
}

// langValueSite is one value with the type its position expects. Name is
// the key the value belongs to (for list elements, the list's key; for
// open maps the key as written, not the schema's placeholder); Elem marks
// list elements.
type langValueSite struct {
	Node model.Value
	Type schema.Type
	Name string
	Elem bool
}

// Subject is how messages about the value name it: the field, or "entry
// of <field>" for a list element ("pod_kil" is not a valid entry of
// experiments).
func (s langValueSite) Subject() string {
	if s.Elem {
		return "entry of " + s.Name
	}
	return s.Name
}

// langWalk calls the set callbacks for every object, member and value of
// a block whose kind the schema knows. Blocks of unknown kinds are skipped:
// DPL001 reports them, and guessing their schema would only add noise.
type langWalk struct {
	object func(langObjectSite)
	member func(langMemberSite)
	value  func(langValueSite)
}

func (w langWalk) block(b *model.Block) {
	bs, ok := schema.Lookup(b.Kind.Text)
	if !ok || b.Body == nil {
		return
	}
	at := b.Name.Span
	if b.Name.Text == "" {
		at = b.Kind.Span
	}
	w.walkObject(langObjectSite{Obj: b.Body, Schema: bs.Body, Where: b.Label(), At: at})
}

func (w langWalk) walkObject(site langObjectSite) {
	if w.object != nil {
		w.object(site)
	}
	for _, m := range site.Obj.Members {
		f, known := site.Schema.Field(m.Key.Text)
		if w.member != nil {
			ms := langMemberSite{langObjectSite: site, Member: m}
			if known {
				ms.Field = f
			}
			w.member(ms)
		}
		if known && m.Value != nil {
			w.walkValue(m.Value, f.Type, m.Key.Text, m.Key.Text, m.Key.Span, false)
		}
	}
}

// walkValue visits v and descends into objects and lists whose shape the
// type admits.
func (w langWalk) walkValue(v model.Value, t schema.Type, name, where string, at model.Span, elem bool) {
	if w.value != nil {
		w.value(langValueSite{Node: v, Type: t, Name: name, Elem: elem})
	}
	switch n := v.(type) {
	case *model.Object:
		if o, ok := langObjectType(t); ok {
			w.walkObject(langObjectSite{Obj: n, Schema: o, Where: where, At: at})
		}
	case *model.Array:
		if l, ok := langListType(t); ok {
			for _, e := range n.Elems {
				elemAt := e.ValueSpan()
				if _, isObj := e.(*model.Object); isObj {
					elemAt = model.Span{Start: elemAt.Start, End: elemAt.Start + 1}
				}
				w.walkValue(e, l.Elem, name, where, elemAt, true)
			}
		}
	}
}

// langObjectType is the object form of t at this very position: t itself or an
// object alternative of a OneOf (retry: count or object). Unlike
// schema.ObjectOf it does not look through lists: an object where a list is
// expected is a wrong shape, not a list element.
func langObjectType(t schema.Type) (*schema.Object, bool) {
	switch v := t.(type) {
	case *schema.Object:
		return v, true
	case *schema.OneOf:
		for _, alt := range v.Types {
			if o, ok := alt.(*schema.Object); ok {
				return o, true
			}
		}
	}
	return nil, false
}

// langListType is the list form of t: t itself or a list alternative of a OneOf.
func langListType(t schema.Type) (*schema.List, bool) {
	switch v := t.(type) {
	case *schema.List:
		return v, true
	case *schema.OneOf:
		for _, alt := range v.Types {
			if l, ok := alt.(*schema.List); ok {
				return l, true
			}
		}
	}
	return nil, false
}
