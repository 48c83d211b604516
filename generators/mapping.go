package generators

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// Mapped is one DPL value placed at a target key. Key is the dotted path
// the schema names for the target ("httpGet.path", "initialDelaySeconds").
type Mapped struct {
	Key   string
	Value *yaml.Node
}

// MapObject reads the object at path of r's block and places each member
// at the key its schema field names for target, in source order: the
// schema's target mapping is the one place a field's key is spelled.
// Members whose field has no key for target are skipped (Unmapped reports
// them, once per block); members whose value does not check are not
// placed, and a note and a comment for the output file say so.
func MapObject(target string, r rule.Ref, path ...string) (out []Mapped, comments []string, notes []Note) {
	v := typed.Of(r.Block)
	sub, ok := v.Sub(path...)
	if !ok {
		return nil, nil, nil
	}
	for _, m := range sub.Obj.Members {
		p := append(append([]string(nil), path...), m.Key.Text)
		label := r.Block.Kind.Text + "." + strings.Join(p, ".")
		f, known := schema.Resolve(r.Block.Kind.Text, p)
		var key schema.TargetKey
		if known {
			key, known = f.Target(target)
		}
		if !known {
			continue
		}
		val, _ := v.Get(p...)
		node, ok := ScalarNode(val)
		if !ok {
			msg := label + " not generated: its value has errors"
			comments = append(comments, msg)
			notes = append(notes, NoteAt(target, r, m.Key.Span, msg))
			continue
		}
		out = append(out, Mapped{Key: key.Key, Value: node})
	}
	return out, comments, notes
}

// ScalarNode renders a checked scalar as a typed YAML scalar: counts as
// integers, booleans as booleans, everything else in NormalizedText form.
func ScalarNode(v typed.Value) (*yaml.Node, bool) {
	if !v.OK {
		return nil, false
	}
	switch v.Node.(type) {
	case *model.Object, *model.Array, *model.Bad:
		return nil, false
	}
	switch v.Norm.Kind {
	case schema.ValCount:
		return Int(v.Norm.Int), true
	case schema.ValBool:
		return Bool(v.Norm.Bool), true
	case schema.ValRatio, schema.ValNumber:
		return Float(v.Norm.Number), true
	}
	return Str(NormalizedText(v.Norm)), true
}

// Nest builds a mapping from dotted keys, grouping keys that share a first
// segment where the first of them appears: [a.x, b, a.y] → {a: {x, y}, b}.
func Nest(items []Mapped) *yaml.Node {
	type group struct {
		key   string
		leaf  *yaml.Node
		inner []Mapped
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, it := range items {
		head, rest, nested := strings.Cut(it.Key, ".")
		g := byKey[head]
		if g == nil {
			g = &group{key: head}
			byKey[head] = g
			groups = append(groups, g)
		}
		if nested {
			g.inner = append(g.inner, Mapped{Key: rest, Value: it.Value})
		} else {
			g.leaf = it.Value
		}
	}
	pairs := make([]Pair, 0, len(groups))
	for _, g := range groups {
		if g.inner != nil {
			pairs = append(pairs, KV(g.key, Nest(g.inner)))
		} else {
			pairs = append(pairs, KV(g.key, g.leaf))
		}
	}
	return Map(pairs...)
}

// Unmapped walks r's block and reports every setting that has no key for
// target in the schema, neither itself nor below it: a key the target
// cannot express (or a key the schema does not know). Each gets a note and
// a comment line for the output file, so nothing is dropped silently.
func Unmapped(target string, r rule.Ref) (comments []string, notes []Note) {
	if r.Block.Body == nil {
		return nil, nil
	}
	var walk func(o *model.Object, path []string)
	walk = func(o *model.Object, path []string) {
		for _, m := range o.Members {
			p := append(append([]string(nil), path...), m.Key.Text)
			f, known := schema.Resolve(r.Block.Kind.Text, p)
			sub, isObj := m.Value.(*model.Object)
			if known {
				_, mapped := f.Target(target)
				switch {
				case isObj && len(sub.Members) > 0 && (!mapped || childrenMapped(f, target)):
					walk(sub, p)
					continue
				case mapped:
					continue
				}
			}
			msg := r.Block.Kind.Text + "." + strings.Join(p, ".") + " has no " + target + " equivalent; not generated"
			comments = append(comments, msg)
			notes = append(notes, NoteAt(target, r, m.Key.Span, msg))
		}
	}
	walk(r.Block.Body, nil)
	return comments, notes
}

// childrenMapped reports whether an object field's own fields carry keys
// for target, so that its members are checked one by one (a probe's
// fields each have a key; a Compose environment's variables ride along
// with the environment and have none).
func childrenMapped(f *schema.Field, target string) bool {
	obj, ok := f.Object()
	if !ok {
		return false
	}
	fields := obj.Fields
	if obj.OpenKeys != nil {
		fields = append(append([]*schema.Field(nil), fields...), obj.OpenKeys)
	}
	for _, c := range fields {
		if _, ok := c.Target(target); ok {
			return true
		}
	}
	return false
}
