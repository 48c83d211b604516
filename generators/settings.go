package generators

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// Setting is one pattern setting as an environment variable: the
// application reads FAULT_TOLERANCE_RETRY_MAX_ATTEMPTS=3 from a ConfigMap
// or a Compose environment. Ref and Span say where it was declared.
type Setting struct {
	Key   string
	Value string
	Ref   rule.Ref
	Span  Span
}

// PatternSettings flattens the pattern blocks of svc into settings, in
// source order: one per scalar, named by kind and path in upper snake case,
// with shorthands spelled out (`retry: 5` is RETRY_MAX_ATTEMPTS) and values
// normalized (durations in one unit, sizes in bytes). Lists and empty
// objects become JSON. Values that do not check against the schema are not
// carried; a note says so.
func PatternSettings(target string, svc Service) ([]Setting, []Note) {
	var out []Setting
	var notes []Note
	for _, r := range svc.Patterns() {
		if r.Block.Body == nil {
			continue
		}
		w := settingsWalker{target: target, ref: r, view: typed.Of(r.Block)}
		w.object(r.Block.Body, nil)
		out = append(out, w.out...)
		notes = append(notes, w.notes...)
	}
	return out, notes
}

type settingsWalker struct {
	target string
	ref    rule.Ref
	view   typed.View
	out    []Setting
	notes  []Note
}

func (w *settingsWalker) object(o *model.Object, path []string) {
	for _, m := range o.Members {
		p := append(append([]string(nil), path...), m.Key.Text)
		if sub, ok := m.Value.(*model.Object); ok && len(sub.Members) > 0 {
			w.object(sub, p)
			continue
		}
		w.leaf(m, p)
	}
}

func (w *settingsWalker) leaf(m *model.Member, path []string) {
	key := path
	if f, ok := schema.Resolve(w.view.Kind, path); ok && f.Shorthand != nil && !f.Shorthand.PerElement && isScalar(m.Value) {
		key = append(key, f.Shorthand.Means)
	}
	val, ok := w.view.Get(path...)
	if !ok {
		return
	}
	text, ok := renderValue(val)
	if !ok {
		w.notes = append(w.notes, NoteAt(w.target, w.ref, m.Key.Span,
			w.ref.Block.Kind.Text+"."+strings.Join(path, ".")+" not carried into the configuration: its value has errors"))
		return
	}
	w.out = append(w.out, Setting{Key: EnvName(append([]string{w.ref.Block.Kind.Text}, key...)), Value: text, Ref: w.ref, Span: m.Span})
}

func isScalar(v model.Value) bool {
	switch v.(type) {
	case *model.String, *model.Number, *model.Bool:
		return true
	}
	return false
}

// EnvName joins identifiers into an environment variable name:
// ("fault_tolerance", "retry", "max_attempts") → FAULT_TOLERANCE_RETRY_MAX_ATTEMPTS.
func EnvName(parts []string) string {
	up := make([]string, len(parts))
	for i, p := range parts {
		up[i] = strings.ToUpper(strings.ReplaceAll(p, "-", "_"))
	}
	return strings.Join(up, "_")
}

// renderValue writes a checked value as a configuration string.
func renderValue(v typed.Value) (string, bool) {
	switch n := v.Node.(type) {
	case *model.Array, *model.Object:
		b, err := json.Marshal(plain(n))
		return string(b), err == nil
	case *model.Bad:
		return "", false
	}
	if v.Field == nil {
		lit, ok := typed.Literal(v.Node)
		return lit.Text, ok
	}
	if !v.OK {
		return "", false
	}
	return NormalizedText(v.Norm), true
}

// NormalizedText is a checked value in the form configuration files take:
// durations as an integer in one unit, sizes in bytes, percents with "%".
func NormalizedText(n schema.Normalized) string {
	switch n.Kind {
	case schema.ValDuration:
		return SingleUnit(n.Duration)
	case schema.ValSize:
		return strconv.FormatInt(n.Bytes, 10)
	case schema.ValPercent:
		return strconv.FormatFloat(n.Number, 'f', -1, 64) + "%"
	case schema.ValRatio, schema.ValNumber:
		return strconv.FormatFloat(n.Number, 'f', -1, 64)
	case schema.ValCount:
		return strconv.FormatInt(n.Int, 10)
	case schema.ValBool:
		return strconv.FormatBool(n.Bool)
	case schema.ValEnum, schema.ValString:
		return n.Text
	}
	return n.Source
}

// plain converts a model value into Go values for encoding/json.
func plain(v model.Value) any {
	switch n := v.(type) {
	case *model.String:
		return n.Value
	case *model.Number:
		return json.Number(n.Text)
	case *model.Bool:
		return n.Value
	case *model.Array:
		out := make([]any, 0, len(n.Elems))
		for _, e := range n.Elems {
			out = append(out, plain(e))
		}
		return out
	case *model.Object:
		out := make(map[string]any, len(n.Members))
		for _, m := range n.Members {
			out[m.Key.Text] = plain(m.Value)
		}
		return out
	}
	return nil
}
