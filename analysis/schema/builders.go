package schema

import (
	"regexp"
	"time"
)

// This file holds the small constructors the block data is written with.
// They keep each field to one readable expression; nothing outside this
// package needs them.

// opt adjusts a field under construction.
type opt func(*Field)

// field builds a field with its doc and options.
func field(name string, t Type, doc string, opts ...opt) *Field {
	f := &Field{Name: name, Type: t, Doc: doc}
	for _, o := range opts {
		o(f)
	}
	return f
}

// unit sets the hover unit.
func unit(u string) opt { return func(f *Field) { f.Unit = u } }

// def sets the reference default.
func def(d string) opt { return func(f *Field) { f.Default = d } }

// ex sets the completion example (DPL source text).
func ex(e string) opt { return func(f *Field) { f.Example = e } }

// required marks a field every block of its kind needs.
func required() opt { return func(f *Field) { f.Required = true } }

// deprecated marks a field as deprecated; why says what to write instead
// (DPL006 shows it, hover states it).
func deprecated(why string) opt { return func(f *Field) { f.Deprecated = why } }

// short attaches a shorthand description.
func short(s *Shorthand) opt { return func(f *Field) { f.Shorthand = s } }

// to appends a target key; note states the conversion, if any.
func to(target, key, note string) opt {
	return func(f *Field) { f.Targets = append(f.Targets, TargetKey{Target: target, Key: key, Note: note}) }
}

// toDef appends a target key with that target's default.
func toDef(target, key, note, dflt string) opt {
	return func(f *Field) {
		f.Targets = append(f.Targets, TargetKey{Target: target, Key: key, Note: note, Default: dflt})
	}
}

// obj builds an object of fixed fields.
func obj(fields ...*Field) *Object { return &Object{Fields: fields} }

// openObj builds an object whose other keys all have the open field's type.
func openObj(open *Field, fields ...*Field) *Object {
	return &Object{Fields: fields, OpenKeys: open}
}

// listOf builds a list type.
func listOf(t Type) *List { return &List{Elem: t} }

// enum builds a closed string enum.
func enum(members ...string) Enum { return Enum{Members: members} }

// oneOf builds a union.
func oneOf(types ...Type) *OneOf { return &OneOf{Types: types} }

// pattern builds a key pattern.
func pattern(re, display string, f *Field) *KeyPattern {
	return &KeyPattern{Pattern: regexp.MustCompile(re), Display: display, Field: f}
}

// Frequently used types. Durations that must be positive use 1ns as the
// open bound's nudge target via Above(0).
var (
	posDuration  = Duration{Range: Above(0, "")}
	nonNegDur    = Duration{Range: AtLeast(0, "")}
	posCount     = Count{Range: AtLeast(1, "")}
	nonNegCount  = Count{Range: AtLeast(0, "")}
	boolT        = Bool{}
	strT         = String{}
	ratio        = Ratio{}
	strList      = listOf(strT)
	serviceList  = listOf(Reference{To: RefService, Open: true})
	patternKinds = listOf(Reference{To: RefKind})
)

// ms converts a duration to a Range bound.
func ms(d time.Duration) float64 { return float64(d) }
