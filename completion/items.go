package completion

import (
	"fmt"
	"strings"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// snippetFields is how many example fields a block-kind snippet fills in
// besides the required ones: enough to show the block's shape.
const snippetFields = 3

func blockKinds(ctx context) []Item {
	var out []Item
	for i, b := range schema.Blocks() {
		out = append(out, Item{
			Label: b.Kind, Kind: KindBlock, Detail: string(b.Group) + " block",
			Doc: b.Doc, Insert: blockSnippet(b), Snippet: true,
			Replace: ctx.replace, Sort: fmt.Sprintf("%03d", i),
		})
	}
	return out
}

// blockSnippet writes `kind ${1:Name} {` with the required fields and the
// first few fields that have an example.
func blockSnippet(b *schema.Block) string {
	var lines []string
	stop := 2
	for _, f := range b.Body.Fields {
		if f.Example == "" || (!f.Required && len(lines) >= snippetFields) {
			continue
		}
		lines = append(lines, fmt.Sprintf("\t%s: ${%d:%s}", f.Name, stop, escapeSnippet(f.Example)))
		stop++
	}
	body := strings.Join(lines, "\n")
	if body == "" {
		body = "\t$0"
	}
	return b.Kind + " ${1:Name} {\n" + body + "\n}"
}

func escapeSnippet(s string) string {
	return strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`).Replace(s)
}

// blockNames proposes the names already used in the workspace, so a new
// block joins an existing service.
func blockNames(w *analysis.Workspace, ctx context) []Item {
	var out []Item
	for _, n := range w.Index().Names() {
		kinds := []string{}
		for _, r := range w.Index().Named(n) {
			kinds = append(kinds, r.Block.Kind.Text)
		}
		out = append(out, Item{
			Label: n, Kind: KindName, Detail: strings.Join(kinds, ", "),
			Insert: n + " {\n\t$0\n}", Snippet: true, Replace: ctx.replace,
		})
	}
	return out
}

// keys proposes the fields of the object at ctx.path not written yet.
func keys(ctx context) []Item {
	obj, ok := schema.ObjectAt(ctx.block.Kind.Text, ctx.path)
	if !ok {
		return nil
	}
	present := map[string]bool{}
	if ctx.object != nil {
		for _, m := range ctx.object.Members {
			if !m.Key.Span.Contains(ctx.block.Rel(ctx.replace.End)) {
				present[m.Key.Text] = true
			}
		}
	}
	var out []Item
	for i, f := range obj.Fields {
		// A deprecated key is never proposed: DPL006 would flag it.
		if present[f.Name] || f.Deprecated != "" {
			continue
		}
		out = append(out, Item{
			Label: f.Name, Kind: KindKey, Detail: f.Type.String(), Doc: fieldDoc(f),
			Insert: f.Name + ": " + valueSnippet(f), Snippet: true,
			Replace: ctx.replace, Sort: fmt.Sprintf("%03d", i),
		})
	}
	for _, p := range obj.KeyPatterns {
		out = append(out, Item{
			Label: p.Display, Kind: KindKey, Detail: p.Field.Type.String(), Doc: fieldDoc(p.Field),
			Insert: patternSnippet(p.Display) + ": " + valueSnippet(p.Field), Snippet: true,
			Replace: ctx.replace, Sort: "900",
		})
	}
	return out
}

// patternSnippet turns "level_<n>" into "level_${9:n}".
func patternSnippet(display string) string {
	i, j := strings.Index(display, "<"), strings.Index(display, ">")
	if i < 0 || j < i {
		return display
	}
	return display[:i] + "${9:" + display[i+1:j] + "}" + display[j+1:]
}

// valueSnippet is the value part of a key snippet.
func valueSnippet(f *schema.Field) string {
	if _, isObj := f.Type.(*schema.Object); isObj {
		return "{\n\t$0\n}"
	}
	if e, isEnum := f.Type.(schema.Enum); isEnum && len(e.Members) > 0 {
		quoted := make([]string, len(e.Members))
		for i, m := range e.Members {
			quoted[i] = enumLiteral(e, m)
		}
		return "${1|" + strings.Join(quoted, ",") + "|}"
	}
	if f.Example != "" {
		return "${1:" + escapeSnippet(f.Example) + "}"
	}
	if _, isList := f.Type.(*schema.List); isList {
		return "[$0]"
	}
	return "$0"
}

func enumLiteral(e schema.Enum, m string) string {
	if e.Numeric && isNumber(m) {
		return m
	}
	return `"` + m + `"`
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func fieldDoc(f *schema.Field) string {
	doc := f.Doc
	if f.Default != "" {
		doc += "\n\nDefault: " + f.Default
	}
	return doc
}

// declaredMetrics lists the metrics declared for a block name (normalized:
// alerts order-service sees metrics OrderService), sorted by name.
func declaredMetrics(w *analysis.Workspace, name string) []facts.MetricDecl {
	return facts.MetricsFor(w.Index(), name)
}

// metricNames lists the names of declaredMetrics.
func metricNames(w *analysis.Workspace, name string) []string {
	var names []string
	for _, d := range declaredMetrics(w, name) {
		names = append(names, d.Name)
	}
	return names
}
