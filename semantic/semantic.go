// Package semantic classifies the tokens of a DPL file for semantic
// highlighting: what the grammar cannot know on its own — whether a string
// is an enum member, a duration, a reference to a service, whether a key is
// known to the schema or deprecated, which kinds and names declare blocks.
// Tokens are editor-neutral (absolute byte spans); the LSP layer encodes
// them and splits multi-line ones.
package semantic

import (
	"sort"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// Type is a token type; its index in Types is its LSP number.
type Type int

// The token types, in legend order. Names are LSP's standard ones.
const (
	TypeKeyword Type = iota
	TypeType
	TypeProperty
	TypeString
	TypeNumber
	TypeEnumMember
	TypeComment
	TypeVariable
	TypeOperator
)

// Types is the legend of token types.
var Types = []string{"keyword", "type", "property", "string", "number", "enumMember", "comment", "variable", "operator"}

// Modifier is a bit set of token modifiers; bit i is Modifiers[i].
type Modifier uint32

const (
	ModDeclaration Modifier = 1 << iota
	ModDeprecated
	ModDefaultLibrary
)

// Modifiers is the legend of token modifiers.
var Modifiers = []string{"declaration", "deprecated", "defaultLibrary"}

// Token is one classified span.
type Token struct {
	Span model.Span
	Type Type
	Mods Modifier
}

// Tokens classifies the tokens of file that intersect within (the whole file
// when within is nil), sorted by position.
func Tokens(w *analysis.Workspace, file string, within *model.Span) []Token {
	f := w.File(file)
	if f == nil {
		return nil
	}
	var out []Token
	keep := func(t Token) {
		if within == nil || (t.Span.End > within.Start && t.Span.Start < within.End) {
			out = append(out, t)
		}
	}
	for _, c := range f.Comments {
		keep(Token{Span: c, Type: TypeComment})
	}
	for _, b := range f.Blocks {
		if within != nil && (b.Start > within.End || b.Start+b.Len < within.Start) {
			continue
		}
		blockTokens(b, keep)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

func blockTokens(b *model.Block, keep func(Token)) {
	abs := func(s model.Span, t Type, m Modifier) { keep(Token{Span: b.Abs(s), Type: t, Mods: m}) }
	sb, known := schema.Lookup(b.Kind.Text)
	kindMods := Modifier(0)
	if known {
		kindMods = ModDefaultLibrary
	}
	abs(b.Kind.Span, TypeKeyword, kindMods)
	if b.Name.Text != "" {
		abs(b.Name.Span, TypeType, ModDeclaration)
	}
	for _, c := range b.Comments {
		abs(c, TypeComment, 0)
	}
	if b.Body == nil || !known {
		return
	}
	objectTokens(b, sb.Body, b.Body, abs)
}

func objectTokens(b *model.Block, obj *schema.Object, o *model.Object, abs func(model.Span, Type, Modifier)) {
	for _, m := range o.Members {
		var f *schema.Field
		if obj != nil {
			f, _ = obj.Field(m.Key.Text)
		}
		mods := Modifier(0)
		if f != nil && f.Deprecated != "" {
			mods |= ModDeprecated
		}
		abs(m.Key.Span, TypeProperty, mods)
		var t schema.Type
		if f != nil {
			t = f.Type
		}
		valueTokens(b, t, m.Value, abs)
	}
}

func valueTokens(b *model.Block, t schema.Type, v model.Value, abs func(model.Span, Type, Modifier)) {
	switch n := v.(type) {
	case *model.String:
		abs(n.Span, stringType(t, n), 0)
	case *model.Number:
		abs(n.Span, TypeNumber, 0)
	case *model.Bool:
		abs(n.Span, TypeKeyword, 0)
	case *model.Array:
		elem := t
		if l, ok := t.(*schema.List); ok {
			elem = l.Elem
		}
		for _, e := range n.Elems {
			valueTokens(b, elem, e, abs)
		}
	case *model.Object:
		obj, _ := schema.ObjectOf(orNil(t))
		objectTokens(b, obj, n, abs)
	}
}

func orNil(t schema.Type) schema.Type {
	if t == nil {
		return &schema.Object{}
	}
	return t
}

// stringType picks a string's token type from the type it checks as.
func stringType(t schema.Type, s *model.String) Type {
	if t == nil {
		return TypeString
	}
	norm, problems := t.Check(schema.Str(s.Value))
	if len(problems) > 0 {
		return TypeString
	}
	switch norm.Kind {
	case schema.ValEnum:
		return TypeEnumMember
	case schema.ValDuration, schema.ValSize, schema.ValPercent, schema.ValQuantity, schema.ValRate:
		return TypeNumber
	}
	if _, isRef := norm.Type.(schema.Reference); isRef {
		return TypeType
	}
	return TypeString
}
