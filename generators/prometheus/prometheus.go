package prometheus

import (
	"fmt"
	"path"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/expr"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// name is the target's name on the command line and in headers.
const name = "prometheus"

// Target generates Prometheus rules, rule tests and operator objects.
var Target = g.Target{
	Name:     name,
	Title:    "Prometheus rules and monitors",
	Kinds:    []string{"alerts", "metrics"},
	Generate: Generate,
}

// alert is one alerting rule read from an `alerts` block.
type alert struct {
	key       string // the DPL key: circuit_breaker_open
	name      string // OrderServiceCircuitBreakerOpen
	condition string
	tree      expr.Node
	hold      time.Duration
	severity  string
	span      model.Span // the key, for notes
}

// gen holds what one service's files share.
type gen struct {
	svc    g.Service
	kname  string
	alerts []alert
	notes  []g.Note
}

// Generate writes the files for svc's alerts and metrics blocks.
func Generate(svc g.Service) (g.Result, error) {
	kname, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the objects: %w", err)
	}
	s := &gen{svc: svc, kname: kname}
	var files []g.File
	add := func(file string, sources []rule.Ref, doc *yaml.Node) error {
		f, err := g.YAMLFile(path.Join(name, kname, file), name, sources, doc)
		if err == nil {
			files = append(files, f)
		}
		return err
	}
	if ref, ok := svc.Block("alerts"); ok {
		s.readAlerts(ref)
		if err := add(rulesFile, []rule.Ref{ref}, s.withUnmapped(ref, s.rulesFile())); err != nil {
			return g.Result{}, err
		}
		if err := add("rules.test.yaml", []rule.Ref{ref}, s.testFile(ref)); err != nil {
			return g.Result{}, err
		}
		if err := add("prometheusrule.yaml", []rule.Ref{ref}, s.prometheusRule()); err != nil {
			return g.Result{}, err
		}
	}
	if ref, ok := svc.Block("metrics"); ok {
		if err := add("servicemonitor.yaml", []rule.Ref{ref}, s.withUnmapped(ref, s.serviceMonitor(ref))); err != nil {
			return g.Result{}, err
		}
	}
	return g.Result{Files: files, Notes: s.notes}, nil
}

// withUnmapped notes the settings of ref Prometheus has no key for and
// says so above the document's first key.
func (s *gen) withUnmapped(ref rule.Ref, doc *yaml.Node) *yaml.Node {
	comments, notes := g.Unmapped(name, ref)
	s.notes = append(s.notes, notes...)
	if len(comments) > 0 && len(doc.Content) > 0 {
		doc.Content[0].HeadComment = g.Comment(strings.Join(comments, "\n"))
	}
	return doc
}

// rulesFile is the rules file's name, which the test file refers to.
const rulesFile = "rules.yaml"

// readAlerts reads every alert of the block, noting the ones that cannot
// become a rule.
func (s *gen) readAlerts(ref rule.Ref) {
	if ref.Block.Body == nil {
		return
	}
	v := typed.Of(ref.Block)
	for _, m := range ref.Block.Body.Members {
		a := alert{key: m.Key.Text, name: g.CamelCase(s.svc.Name, m.Key.Text), span: m.Key.Span}
		cond, _, ok := v.String(m.Key.Text, "condition")
		var tree expr.Node
		if ok {
			var err error
			if tree, err = expr.Parse(cond); err != nil {
				ok = false
			}
		}
		if !ok {
			s.notes = append(s.notes, g.NoteAt(name, ref, m.Key.Span, "alert "+a.key+" not generated: it has no valid condition"))
			continue
		}
		a.condition, a.tree = cond, tree
		if d, _, ok := v.Duration(m.Key.Text, "duration"); ok {
			a.hold = d
		}
		if sev, _, ok := v.String(m.Key.Text, "severity"); ok {
			a.severity = sev
		}
		s.alerts = append(s.alerts, a)
	}
}

// groups is the rule groups, shared by the rules file and PrometheusRule.
func (s *gen) groups() *yaml.Node {
	rules := make([]*yaml.Node, 0, len(s.alerts))
	for _, a := range s.alerts {
		rules = append(rules, g.Map(
			g.KV("alert", g.Str(a.name)),
			g.KV("expr", g.Str(a.condition)),
			g.KV("for", forValue(a.hold)),
			g.KV("labels", g.StrMap(labelKeys(a), a.labels(s.kname))),
			g.KV("annotations", g.StrMap(annotationKeys, templateEscaped(a.annotations(s.svc.Name)))),
		))
	}
	return g.Seq(g.Map(
		g.KV("name", g.Str(s.kname)),
		g.KV("rules", g.Seq(rules...)),
	))
}

func (s *gen) rulesFile() *yaml.Node { return g.Map(g.KV("groups", s.groups())) }

// forValue is the rule's `for`, left out when the alert fires at once.
// Prometheus durations have no unit below ms, so finer ones round up.
func forValue(d time.Duration) *yaml.Node {
	if d <= 0 {
		return nil
	}
	return g.Str(g.SingleUnit(g.RoundUp(d, time.Millisecond)))
}

// labels are the alert's labels: severity (when declared) and service.
func (a alert) labels(kname string) map[string]string {
	l := map[string]string{"service": kname}
	if a.severity != "" {
		l["severity"] = a.severity
	}
	return l
}

func labelKeys(a alert) []string {
	if a.severity != "" {
		return []string{"severity", "service"}
	}
	return []string{"service"}
}

var annotationKeys = []string{"summary", "description"}

// annotations are the alert's annotations as they should read once
// rendered (before template escaping).
func (a alert) annotations(service string) map[string]string {
	desc := "Condition " + a.condition + " is true"
	if a.hold > 0 {
		desc += " for " + g.SingleUnit(g.RoundUp(a.hold, time.Millisecond))
	}
	return map[string]string{
		"summary":     service + ": " + a.key,
		"description": desc + ".",
	}
}

// templateEscaped makes text print as itself through Prometheus's Go
// templates: each "{{" becomes an action that outputs "{{".
func templateEscaped(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = strings.ReplaceAll(v, "{{", `{{ "{{" }}`)
	}
	return out
}
