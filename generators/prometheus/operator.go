package prometheus

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// operatorAPI is prometheus-operator's API group and version.
const operatorAPI = "monitoring.coreos.com/v1"

// metadata names an operator object after the service, in the namespace
// of the service's deploy_kubernetes block when it declares one, with the
// labels the kubernetes target puts on the service's objects.
func (s *gen) metadata() *yaml.Node {
	var ns *yaml.Node
	if ref, ok := s.svc.Block("deploy_kubernetes"); ok {
		if n, _, ok := typed.Of(ref.Block).String("namespace"); ok && n != "" {
			ns = g.Str(n)
		}
	}
	return g.Map(
		g.KV("name", g.Str(s.kname)),
		g.KV("namespace", ns),
		g.KV("labels", g.Map(
			g.KV("app.kubernetes.io/name", g.Str(s.kname)),
			g.KV("app.kubernetes.io/managed-by", g.Str("dpls")),
		)),
	)
}

// prometheusRule carries the same groups as the rules file.
func (s *gen) prometheusRule() *yaml.Node {
	return g.Map(
		g.KV("apiVersion", g.Str(operatorAPI)),
		g.KV("kind", g.Str("PrometheusRule")),
		g.KV("metadata", s.metadata()),
		g.KV("spec", g.Map(g.KV("groups", s.groups()))),
	)
}

// serviceMonitor scrapes the `http` port of the service's Service (the
// port the kubernetes target names) at /metrics.
func (s *gen) serviceMonitor(ref rule.Ref) *yaml.Node {
	var names []string
	for _, m := range facts.DeclaredMetrics(ref.Block) {
		names = append(names, m.Name)
	}
	endpoints := g.KV("endpoints", g.Seq(g.Map(
		g.KV("port", g.Str("http")),
		g.KV("path", g.Str("/metrics")),
	)))
	if len(names) > 0 {
		endpoints.Comment = "the application exports " + strings.Join(names, ", ") + " at /metrics on its http port"
	}
	return g.Map(
		g.KV("apiVersion", g.Str(operatorAPI)),
		g.KV("kind", g.Str("ServiceMonitor")),
		g.KV("metadata", s.metadata()),
		g.KV("spec", g.Map(
			g.KV("selector", g.Map(g.KV("matchLabels", g.Map(g.KV("app.kubernetes.io/name", g.Str(s.kname)))))),
			endpoints,
		)),
	)
}
