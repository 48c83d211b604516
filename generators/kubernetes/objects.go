package kubernetes

import (
	"gopkg.in/yaml.v3"

	g "github.com/dpls-dev/dpls/generators"
)

// service builds the v1 Service in front of the pods' http port.
func (s *service) service() *yaml.Node {
	spec := g.Map(
		g.KV("selector", s.labels(false)),
		g.KV("ports", g.Seq(g.Map(
			g.KV("name", g.Str(portName)),
			g.KV("port", g.Int(s.port)),
			g.KV("targetPort", g.Str(portName)),
			g.KV("protocol", g.Str("TCP")),
		))),
	)
	return g.Map(append(s.header("v1", "Service", s.name), g.KV("spec", spec))...)
}

// hpa builds the autoscaling/v2 HorizontalPodAutoscaler, or nil.
func (s *service) hpa() *yaml.Node {
	hv, ok := s.view.Sub("horizontal_pod_autoscaler")
	if !ok {
		return nil
	}
	spec := []g.Pair{g.KV("scaleTargetRef", g.Map(
		g.KV("apiVersion", g.Str("apps/v1")),
		g.KV("kind", g.Str("Deployment")),
		g.KV("name", g.Str(s.name)),
	))}
	if n, _, ok := hv.Count("min_replicas"); ok {
		spec = append(spec, g.KV("minReplicas", g.Int(n)))
	}
	if n, _, ok := hv.Count("max_replicas"); ok {
		spec = append(spec, g.KV("maxReplicas", g.Int(n)))
	}
	if pct, _, ok := hv.Count("target_cpu_utilization_percentage"); ok {
		p := g.KV("metrics", g.Seq(g.Map(
			g.KV("type", g.Str("Resource")),
			g.KV("resource", g.Map(
				g.KV("name", g.Str("cpu")),
				g.KV("target", g.Map(
					g.KV("type", g.Str("Utilization")),
					g.KV("averageUtilization", g.Int(pct)),
				)),
			)),
		)))
		if !s.view.Has("resources", "requests", "cpu") && !s.view.Has("resources", "limits", "cpu") {
			p.Comment = s.note("target_cpu_utilization_percentage is a percent of the CPU request, and neither resources.requests.cpu nor resources.limits.cpu (which the request defaults to) is declared: the autoscaler cannot compute it", "horizontal_pod_autoscaler", "target_cpu_utilization_percentage")
		}
		spec = append(spec, p)
	}
	return g.Map(append(s.header("autoscaling/v2", "HorizontalPodAutoscaler", s.name), g.KV("spec", g.Map(spec...)))...)
}

// pdb builds a policy/v1 PodDisruptionBudget that lets voluntary
// disruptions (node drains) take down one pod at a time.
func (s *service) pdb() *yaml.Node {
	spec := g.Map(
		g.KV("maxUnavailable", g.Int(1)),
		g.KV("selector", s.selector()),
	)
	return g.Map(append(s.header("policy/v1", "PodDisruptionBudget", s.name), g.KV("spec", spec))...)
}

// configMap carries the pattern settings; a key declared twice keeps its
// first value and notes the second.
func (s *service) configMap() *yaml.Node {
	var keys []string
	values := map[string]string{}
	for _, st := range s.settings {
		if _, dup := values[st.Key]; dup {
			s.notes = append(s.notes, g.NoteAt(name, st.Ref, st.Span, st.Key+" is set twice; the ConfigMap keeps the first value"))
			continue
		}
		keys = append(keys, st.Key)
		values[st.Key] = st.Value
	}
	return g.Map(append(s.header("v1", "ConfigMap", s.configMapName()), g.KV("data", g.StrMap(keys, values)))...)
}
