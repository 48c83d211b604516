// Package typed reads a block's values through the schema: shorthand forms
// resolve to their long form (`retry: 5` answers retry.max_attempts), and
// every value comes back checked and normalized ("1m30s" as 90 s). Rules,
// hover, inlay hints and generators all read values this way, so a field is
// interpreted in exactly one place.
package typed

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/units"
)

// View is an object of a block, seen through the schema of the block's kind
// at Path (empty for the block body).
type View struct {
	Kind string
	Path []string
	Obj  *model.Object
}

// Of views a block's body.
func Of(b *model.Block) View { return View{Kind: b.Kind.Text, Obj: b.Body} }

// Value is one value found at a path: the model node, its schema field (nil
// when the schema does not know the path), and its normalized form when the
// value checks cleanly against the field's type.
type Value struct {
	Node  model.Value
	Field *schema.Field
	Norm  schema.Normalized
	// OK is set when the value type-checked without errors.
	OK bool
	// Short is set when the value was found through a shorthand
	// (`retry: 5` for retry.max_attempts): Node is then the shorthand value.
	Short bool
}

// Span is where the value is, relative to its block.
func (v Value) Span() model.Span { return v.Node.ValueSpan() }

// Sub views the object at path, or reports false.
func (v View) Sub(path ...string) (View, bool) {
	val, ok := v.Get(path...)
	if !ok || val.Short {
		return View{}, false
	}
	obj, isObj := val.Node.(*model.Object)
	if !isObj {
		return View{}, false
	}
	return View{Kind: v.Kind, Path: join(v.Path, path), Obj: obj}, true
}

// Has reports whether a value is written at path (shorthands included).
func (v View) Has(path ...string) bool {
	_, ok := v.Get(path...)
	return ok
}

// Get finds the value at path. A scalar where an object is expected answers
// for the key its shorthand stands for.
func (v View) Get(path ...string) (Value, bool) {
	obj := v.Obj
	for i, key := range path {
		if obj == nil {
			return Value{}, false
		}
		node := obj.Value(key)
		if node == nil {
			return Value{}, false
		}
		full := join(v.Path, path[:i+1])
		if i == len(path)-1 {
			return v.check(node, full, false), true
		}
		next, isObj := node.(*model.Object)
		if isObj {
			obj = next
			continue
		}
		if i == len(path)-2 && shorthandFor(v.Kind, full, path[i+1]) {
			return v.check(node, join(full, path[i+1:]), true), true
		}
		return Value{}, false
	}
	return Value{Node: v.Obj, OK: v.Obj != nil}, v.Obj != nil
}

// shorthandFor reports whether the field at path has a shorthand that
// stands for key.
func shorthandFor(kind string, path []string, key string) bool {
	f, ok := schema.Resolve(kind, path)
	return ok && f.Shorthand != nil && f.Shorthand.Means == key
}

func (v View) check(node model.Value, path []string, short bool) Value {
	out := Value{Node: node, Short: short}
	f, ok := schema.Resolve(v.Kind, path)
	if !ok {
		return out
	}
	out.Field = f
	lit, isLit := Literal(node)
	if !isLit {
		return out
	}
	norm, problems := f.Check(lit)
	out.Norm = norm
	out.OK = !hasError(problems)
	return out
}

func hasError(ps []schema.Problem) bool {
	for _, p := range ps {
		if p.Severity == schema.SeverityError {
			return true
		}
	}
	return false
}

// Literal converts a model value into the schema's neutral literal.
func Literal(node model.Value) (schema.Literal, bool) {
	switch n := node.(type) {
	case *model.String:
		return schema.Str(n.Value), true
	case *model.Number:
		return schema.Num(n.Text), true
	case *model.Bool:
		return schema.BoolLit(n.Value), true
	case *model.Object:
		return schema.Literal{Kind: schema.LitObject}, true
	case *model.Array:
		return schema.Literal{Kind: schema.LitArray}, true
	}
	return schema.Literal{}, false
}

func join(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}

// Duration returns a duration at path.
func (v View) Duration(path ...string) (time.Duration, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok || !val.OK || val.Norm.Kind != schema.ValDuration {
		return 0, model.Span{}, false
	}
	return val.Norm.Duration, val.Span(), true
}

// Count returns a whole number at path (a number, or a numeric string).
func (v View) Count(path ...string) (int64, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok {
		return 0, model.Span{}, false
	}
	if val.OK && val.Norm.Kind == schema.ValCount {
		return val.Norm.Int, val.Span(), true
	}
	if n, isNum := val.Node.(*model.Number); isNum && n.Value == float64(int64(n.Value)) {
		return int64(n.Value), val.Span(), true
	}
	return 0, model.Span{}, false
}

// Number returns a number at path: a numeric literal, or a ratio, count or
// number written as a numeric string.
func (v View) Number(path ...string) (float64, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok {
		return 0, model.Span{}, false
	}
	if n, isNum := val.Node.(*model.Number); isNum {
		return n.Value, val.Span(), true
	}
	switch val.Norm.Kind {
	case schema.ValRatio, schema.ValNumber, schema.ValCount, schema.ValRate:
		if val.OK {
			return val.Norm.Number, val.Span(), true
		}
	}
	return 0, model.Span{}, false
}

// Percent returns a percent at path ("50%" → 50).
func (v View) Percent(path ...string) (float64, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok || !val.OK || val.Norm.Kind != schema.ValPercent {
		return 0, model.Span{}, false
	}
	return val.Norm.Number, val.Span(), true
}

// String returns the content of a string at path (enums canonicalized).
func (v View) String(path ...string) (string, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok {
		return "", model.Span{}, false
	}
	s, isStr := val.Node.(*model.String)
	if !isStr {
		return "", model.Span{}, false
	}
	if val.OK && val.Norm.Kind == schema.ValEnum {
		return val.Norm.Text, val.Span(), true
	}
	return s.Value, val.Span(), true
}

// Bool returns a boolean at path.
func (v View) Bool(path ...string) (bool, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok {
		return false, model.Span{}, false
	}
	b, isBool := val.Node.(*model.Bool)
	if !isBool {
		return false, model.Span{}, false
	}
	return b.Value, val.Span(), true
}

// Size returns a size in bytes at path ("2gb").
func (v View) Size(path ...string) (int64, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok || !val.OK || val.Norm.Kind != schema.ValSize {
		return 0, model.Span{}, false
	}
	return val.Norm.Bytes, val.Span(), true
}

// Quantity returns a Kubernetes quantity at path.
func (v View) Quantity(path ...string) (units.Quantity, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok || !val.OK || val.Norm.Kind != schema.ValQuantity {
		return units.Quantity{}, model.Span{}, false
	}
	return val.Norm.Quantity, val.Span(), true
}

// List returns the elements of an array at path.
func (v View) List(path ...string) ([]model.Value, model.Span, bool) {
	val, ok := v.Get(path...)
	if !ok {
		return nil, model.Span{}, false
	}
	a, isArr := val.Node.(*model.Array)
	if !isArr {
		return nil, model.Span{}, false
	}
	return a.Elems, val.Span(), true
}

// Strings returns the string elements of an array at path, with their
// spans; other elements are skipped.
func (v View) Strings(path ...string) ([]string, []model.Span, bool) {
	elems, _, ok := v.List(path...)
	if !ok {
		return nil, nil, false
	}
	var out []string
	var spans []model.Span
	for _, e := range elems {
		if s, isStr := e.(*model.String); isStr {
			out = append(out, s.Value)
			spans = append(spans, s.Span)
		}
	}
	return out, spans, true
}

// Member returns the member at path (for its key span), following objects
// only.
func (v View) Member(path ...string) (*model.Member, bool) {
	obj := v.Obj
	for i, key := range path {
		m := obj.Get(key)
		if m == nil {
			return nil, false
		}
		if i == len(path)-1 {
			return m, true
		}
		next, isObj := m.Value.(*model.Object)
		if !isObj {
			return nil, false
		}
		obj = next
	}
	return nil, false
}

// KeySpan is the span of the key at path, or the object's own span when
// the key is absent: where to report "missing X" or "X conflicts with Y".
func (v View) KeySpan(path ...string) model.Span {
	if m, ok := v.Member(path...); ok {
		return m.Key.Span
	}
	if v.Obj != nil {
		return model.Span{Start: v.Obj.Span.Start, End: v.Obj.Span.Start + 1}
	}
	return model.Span{}
}
