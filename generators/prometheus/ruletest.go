package prometheus

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/expr"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/units"
	g "github.com/dpls-dev/dpls/generators"
)

// The rule tests evaluate every minute over input series sampled every
// 15 seconds, so a rate over 30s or more already has samples to work on.
const (
	evalInterval = time.Minute
	scrape       = 15 * time.Second
)

// firing is how one alert's test drives its condition true: an input
// series and when the condition first holds.
type firing struct {
	series  string            // PromQL series notation: name{labels}
	labels  map[string]string // the series labels, without the name
	initial string            // the first sample
	step    string            // added at each sample: 0 for a gauge
	// earliest is the first evaluation at which the condition may hold;
	// start the first at which it surely does.
	earliest, start time.Duration
}

// testFile builds the `promtool test rules` file: one test per alert whose
// condition it can drive, checking that the alert is silent one evaluation
// before its `for` can have elapsed and fires, with its labels and
// annotations, once it surely has.
func (s *gen) testFile(ref rule.Ref) *yaml.Node {
	var tests []*yaml.Node
	for _, a := range s.alerts {
		f, err := driveCondition(a.tree, s.kname)
		if err != nil {
			s.notes = append(s.notes, g.NoteAt(name, ref, a.span, "no promtool test for alert "+a.key+": "+err.Error()))
			continue
		}
		tests = append(tests, s.alertTest(a, f))
	}
	return g.Map(
		g.KV("rule_files", g.Seq(g.Str(rulesFile))),
		g.KV("evaluation_interval", g.Str(g.SingleUnit(evalInterval))),
		g.KV("tests", g.Seq(tests...)),
	)
}

func (s *gen) alertTest(a alert, f firing) *yaml.Node {
	fireAt := f.start + g.RoundUp(a.hold, evalInterval)
	samples := int64((fireAt+2*evalInterval)/scrape) + 1
	var cases []*yaml.Node
	if a.hold > 0 {
		cases = append(cases, g.Map(
			g.KV("eval_time", g.Str(g.SingleUnit(f.earliest+g.RoundUp(a.hold, evalInterval)-evalInterval))),
			g.KV("alertname", g.Str(a.name)),
			g.KV("exp_alerts", g.Seq()),
		))
	}
	labels := a.labels(s.kname)
	for k, v := range f.labels {
		labels[k] = v
	}
	cases = append(cases, g.Map(
		g.KV("eval_time", g.Str(g.SingleUnit(fireAt))),
		g.KV("alertname", g.Str(a.name)),
		g.KV("exp_alerts", g.Seq(g.Map(
			g.KV("exp_labels", g.StrMap(sortedKeys(labels), labels)),
			g.KV("exp_annotations", g.StrMap(annotationKeys, a.annotations(s.svc.Name))),
		))),
	))
	return g.Map(
		g.KV("name", g.Str(a.name)),
		g.KV("interval", g.Str(g.SingleUnit(scrape))),
		g.KV("input_series", g.Seq(g.Map(
			g.KV("series", g.Str(f.series)),
			g.KV("values", g.Str(fmt.Sprintf("%s+%sx%d", f.initial, f.step, samples))),
		))),
		g.KV("alert_rule_test", g.Seq(cases...)),
	)
}

// driveCondition finds an input series that makes a condition of the form
// `selector CMP number` or `rate(selector[range]) CMP number` (either side
// first) true. Other shapes are not driven: the caller notes it.
func driveCondition(n expr.Node, job string) (firing, error) {
	b, ok := unparen(n).(*expr.Binary)
	if !ok || !expr.IsComparison(b.Op) || b.Bool {
		return firing{}, fmt.Errorf("the condition is not a comparison with a number")
	}
	op, lhs, num := b.Op, unparen(b.L), unparen(b.R)
	if _, isNum := lhs.(*expr.Number); isNum {
		op, lhs, num = mirror(op), num, lhs
	}
	threshold, ok := num.(*expr.Number)
	if !ok {
		return firing{}, fmt.Errorf("the condition is not a comparison with a number")
	}
	target := satisfying(op, threshold.Value)
	switch x := lhs.(type) {
	case *expr.Selector:
		if x.Range != "" || x.Offset != "" {
			return firing{}, fmt.Errorf("the condition compares a range or offset selector")
		}
		f, err := series(x, job, 0)
		f.initial, f.step = formatValue(target), "0"
		return f, err
	case *expr.Call:
		if x.Func != "rate" && x.Func != "irate" || len(x.Args) != 1 {
			return firing{}, fmt.Errorf("only rate() and irate() of a counter are driven, not %s()", x.Func)
		}
		sel, ok := x.Args[0].(*expr.Selector)
		if !ok || sel.Offset != "" {
			return firing{}, fmt.Errorf("%s() is not applied to a plain range selector", x.Func)
		}
		if target < 0 {
			return firing{}, fmt.Errorf("a rate cannot be negative")
		}
		if op == "<" && threshold.Value > 0 {
			target = threshold.Value / 2
		}
		// A counter growing by target per second. rate() divides by the
		// whole range, so it reads low until the range is full of
		// samples: the condition is first trusted one evaluation later.
		start := evalInterval
		if x.Func == "rate" {
			window, err := units.ParseDuration(sel.Range)
			if err != nil {
				return firing{}, fmt.Errorf("the range %q is not a duration dpls reads", sel.Range)
			}
			start = g.RoundUp(window, evalInterval) + evalInterval
		}
		f, err := series(sel, job, start)
		f.earliest = evalInterval // two samples at least
		f.initial, f.step = "0", formatValue(target*scrape.Seconds())
		return f, err
	}
	return firing{}, fmt.Errorf("the condition is not a comparison of a metric with a number")
}

// series renders the input series for a selector: its equality matchers
// become labels, plus job; other matchers cannot be satisfied blindly.
func series(sel *expr.Selector, job string, start time.Duration) (firing, error) {
	labels := map[string]string{"job": job}
	for _, m := range sel.Matchers {
		if m.Op != "=" {
			return firing{}, fmt.Errorf("the selector uses the %s matcher on %s", m.Op, m.Label)
		}
		labels[m.Label] = m.Value
	}
	parts := make([]string, 0, len(labels))
	for _, k := range sortedKeys(labels) {
		parts = append(parts, k+"="+strconv.Quote(labels[k]))
	}
	if sel.Name == "" {
		return firing{}, fmt.Errorf("the selector has no metric name")
	}
	return firing{
		series: sel.Name + "{" + strings.Join(parts, ", ") + "}",
		labels: labels,
		start:  start,
	}, nil
}

// satisfying is a value v for which `v op threshold` holds.
func satisfying(op string, t float64) float64 {
	switch op {
	case ">", "!=":
		return t + 1
	case "<":
		return t - 1
	}
	return t // ==, >=, <=
}

func mirror(op string) string {
	switch op {
	case ">":
		return "<"
	case "<":
		return ">"
	case ">=":
		return "<="
	case "<=":
		return ">="
	}
	return op
}

func unparen(n expr.Node) expr.Node {
	for {
		p, ok := n.(*expr.Paren)
		if !ok {
			return n
		}
		n = p.X
	}
}

func formatValue(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
