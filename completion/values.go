package completion

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// examples are typical values per unit type, offered after the field's own
// example.
var examples = map[string][]string{
	"duration": {`"100ms"`, `"500ms"`, `"1s"`, `"5s"`, `"30s"`, `"1m"`, `"5m"`},
	"size":     {`"16kb"`, `"1mb"`, `"64mb"`, `"1gb"`},
	"percent":  {`"50%"`, `"80%"`},
	"bool":     {"true", "false"},
}

func values(w *analysis.Workspace, ctx context) []Item {
	f, ok := schema.Resolve(ctx.block.Kind.Text, ctx.path)
	if !ok {
		return nil
	}
	t := f.Type
	if l, isList := t.(*schema.List); isList && ctx.inList {
		t = l.Elem
	}
	if _, isExpr := t.(schema.Expression); isExpr {
		return conditionItems(w, ctx)
	}
	var out []Item
	seen := map[string]bool{}
	add := func(label string, kind ItemKind, detail string) {
		if seen[label] {
			return
		}
		seen[label] = true
		out = append(out, Item{Label: label, Kind: kind, Detail: detail, Insert: label, Replace: ctx.replace})
	}
	if f.Example != "" && !ctx.inList && exampleFits(t, f.Example) {
		add(f.Example, KindValue, "example")
	}
	typeValues(w, ctx, t, add)
	extendOverClosingQuote(ctx, out)
	return out
}

func exampleFits(t schema.Type, ex string) bool {
	_, isObj := t.(*schema.Object)
	return !isObj
}

// typeValues proposes the values of a type.
func typeValues(w *analysis.Workspace, ctx context, t schema.Type, add func(string, ItemKind, string)) {
	switch v := t.(type) {
	case schema.Enum:
		for _, m := range v.Members {
			add(enumLiteral(v, m), KindEnum, t.String())
		}
	case schema.Bool:
		for _, e := range examples["bool"] {
			add(e, KindValue, "bool")
		}
	case schema.Duration, schema.Size, schema.Percent:
		for _, e := range examples[t.String()] {
			add(e, KindValue, t.String())
		}
	case schema.Reference:
		for _, name := range referenceNames(w, ctx, v) {
			add(`"`+name+`"`, KindReference, string(v.To))
		}
	case *schema.OneOf:
		for _, alt := range v.Types {
			typeValues(w, ctx, alt, add)
		}
	}
}

// referenceNames lists what a reference may name.
func referenceNames(w *analysis.Workspace, ctx context, r schema.Reference) []string {
	switch r.To {
	case schema.RefService:
		return w.Index().Names()
	case schema.RefKind:
		return schema.Kinds()
	case schema.RefMetric:
		return metricNames(w, ctx.block.Name.Text)
	case schema.RefParticipant:
		names, _, _ := typed.Of(ctx.block).Strings("participants")
		return names
	case schema.RefStrategy:
		if f, ok := schema.Resolve("load_balancer", []string{"strategy"}); ok {
			if e, isEnum := f.Type.(schema.Enum); isEnum {
				return e.Members
			}
		}
	}
	return nil
}

// conditionItems proposes metric names inside an alert condition: only the
// identifier being typed is replaced, not the whole string.
func conditionItems(w *analysis.Workspace, ctx context) []Item {
	word := ctx.prefix
	if i := strings.LastIndexFunc(word, func(r rune) bool {
		return !(r == '_' || r == ':' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}); i >= 0 {
		word = word[i+1:]
	}
	span := model.Span{Start: ctx.replace.End - len(word), End: ctx.replace.End}
	var out []Item
	for _, d := range declaredMetrics(w, ctx.block.Name.Text) {
		out = append(out, Item{
			Label: d.Name, Kind: KindReference, Detail: d.Type + " · " + d.Group,
			Doc: metricDoc(d), Insert: d.Name, Replace: span,
		})
	}
	return out
}

// metricDoc says how a metric of each type belongs in a condition.
func metricDoc(d facts.MetricDecl) string {
	switch d.Type {
	case "counter":
		return "Counter: only grows. Compare its rate: `rate(" + d.Name + "[5m])`."
	case "histogram":
		return "Histogram: compare a quantile: `histogram_quantile(0.99, sum by (le) (rate(" + d.Name + "_bucket[5m])))`."
	case "summary":
		return "Summary: compare a quantile series: `" + d.Name + "{quantile=\"0.99\"}`."
	}
	return "Gauge: compare its value directly."
}

// extendOverClosingQuote makes a quoted insertion replace the whole string
// value: the rest of it after the cursor and its closing quote, whether the
// editor auto-inserted the quote or the cursor sits inside an existing
// value (`"|exponential"` becomes the chosen value, not
// `"linear"exponential"`). A string with no closing quote on the line is
// being typed: only the text before the cursor is replaced.
func extendOverClosingQuote(ctx context, items []Item) {
	if !ctx.quoted {
		return
	}
	end := ctx.replace.End
	for end < len(ctx.src) && ctx.src[end] != '"' && ctx.src[end] != '\n' {
		end++
	}
	if end >= len(ctx.src) || ctx.src[end] != '"' {
		return
	}
	for i := range items {
		if strings.HasPrefix(items[i].Insert, `"`) {
			items[i].Replace.End = end + 1
		}
	}
}
