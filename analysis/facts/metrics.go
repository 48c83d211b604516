package facts

import (
	"sort"

	"github.com/dpls-dev/dpls/analysis/expr"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// MetricDecl is one metric a `metrics` block declares.
type MetricDecl struct {
	Name  string
	Type  string // counter, gauge, histogram or summary
	Group string // the pattern group it is declared under
	// Key is the metric's key, relative to its block; TypeSpan its value.
	Key      model.Ident
	TypeSpan model.Span
}

// DeclaredMetrics lists the metrics of a `metrics` block in source order.
func DeclaredMetrics(b *model.Block) []MetricDecl {
	if b.Kind.Text != "metrics" || b.Body == nil {
		return nil
	}
	var out []MetricDecl
	for _, group := range b.Body.Members {
		g, ok := group.Value.(*model.Object)
		if !ok {
			continue
		}
		for _, m := range g.Members {
			if s, ok := m.Value.(*model.String); ok {
				out = append(out, MetricDecl{Name: m.Key.Text, Type: s.Value, Group: group.Key.Text, Key: m.Key, TypeSpan: s.Span})
			}
		}
	}
	return out
}

// MetricUse is one metric name inside an alert condition.
type MetricUse struct {
	// Alert is the alert's key in the `alerts` block.
	Alert string
	expr.Use
	// Span is the name's position in the DPL source, relative to the block.
	Span model.Span
}

// Name returns the metric name as written.
func (u MetricUse) Name() string { return u.Selector.Name }

// Condition is one alert's parsed condition.
type Condition struct {
	Alert string
	Value *model.String
	Tree  expr.Node // nil when the condition does not parse
	Err   *expr.Error
}

// Conditions parses the condition of every alert of an `alerts` block.
func Conditions(b *model.Block) []Condition {
	if b.Kind.Text != "alerts" || b.Body == nil {
		return nil
	}
	var out []Condition
	for _, alert := range b.Body.Members {
		obj, ok := alert.Value.(*model.Object)
		if !ok {
			continue
		}
		s, ok := obj.Value("condition").(*model.String)
		if !ok {
			continue
		}
		c := Condition{Alert: alert.Key.Text, Value: s}
		tree, err := expr.Parse(s.Value)
		if e, ok := err.(*expr.Error); ok {
			c.Err = e
		} else {
			c.Tree = tree
		}
		out = append(out, c)
	}
	return out
}

// MetricUses returns the metric names used in the conditions of an `alerts`
// block, with their source spans; conditions that do not parse contribute
// nothing (the syntax error is reported on its own).
func MetricUses(b *model.Block) []MetricUse {
	var out []MetricUse
	for _, c := range Conditions(b) {
		if c.Tree == nil {
			continue
		}
		for _, u := range expr.Uses(c.Tree) {
			span := model.Span{Start: c.Value.ValueOffset(u.NameSpan.Start), End: c.Value.ValueOffset(u.NameSpan.End)}
			out = append(out, MetricUse{Alert: c.Alert, Use: u, Span: span})
		}
	}
	return out
}

// histogramSuffixes are the series a histogram or summary exports besides
// its name.
var histogramSuffixes = []string{"_bucket", "_count", "_sum"}

// ResolveMetric finds the declaration a used name refers to: the name
// itself, or a histogram's or summary's `_bucket`, `_count` or `_sum` series.
func ResolveMetric(decls []MetricDecl, name string) (MetricDecl, bool) {
	for _, d := range decls {
		if d.Name == name {
			return d, true
		}
	}
	for _, d := range decls {
		if d.Type != "histogram" && d.Type != "summary" {
			continue
		}
		for _, suf := range histogramSuffixes {
			if d.Type == "summary" && suf == "_bucket" {
				continue
			}
			if name == d.Name+suf {
				return d, true
			}
		}
	}
	return MetricDecl{}, false
}

// MetricsFor lists the metrics declared for a block name in the workspace
// index: the metrics blocks whose normalized name matches (alerts
// order-service sees metrics OrderService), sorted by metric name.
func MetricsFor(idx *rule.Index, name string) []MetricDecl {
	var out []MetricDecl
	for _, r := range idx.Service(name) {
		out = append(out, DeclaredMetrics(r.Block)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
