package kubernetes

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	g "github.com/dpls-dev/dpls/generators"
)

// deployment builds the apps/v1 Deployment.
func (s *service) deployment() *yaml.Node {
	spec := []g.Pair{s.replicas()}
	spec = append(spec,
		g.KV("selector", s.selector()),
		g.KV("template", g.Map(
			g.KV("metadata", g.Map(g.KV("labels", s.labels(true)))),
			g.KV("spec", g.Map(g.KV("containers", g.Seq(s.container())))),
		)),
	)
	head := s.header("apps/v1", "Deployment", s.name)
	head[0].Comment = strings.Join(s.unmapped, "\n")
	return g.Map(append(head, g.KV("spec", g.Map(spec...)))...)
}

// replicas is spec.replicas, or only a comment when an HPA owns the count.
func (s *service) replicas() g.Pair {
	n, _, set := s.view.Count("replicas")
	if !s.view.Has("horizontal_pod_autoscaler") {
		if !set {
			return g.Pair{}
		}
		return g.KV("replicas", g.Int(n))
	}
	if !set {
		return g.Pair{Comment: "replicas left out: the HorizontalPodAutoscaler " + s.name + " owns the replica count"}
	}
	return g.Pair{Comment: s.note(fmt.Sprintf("replicas: %d not set on the Deployment: the HorizontalPodAutoscaler %s owns the replica count", n, s.name), "replicas")}
}

// container builds the one container of the pod.
func (s *service) container() *yaml.Node {
	pairs := []g.Pair{g.KV("name", g.Str(s.name)), s.image()}
	pairs = append(pairs, g.KV("ports", g.Seq(g.Map(
		g.KV("name", g.Str(portName)),
		s.containerPort(),
		g.KV("protocol", g.Str("TCP")),
	))))
	if len(s.settings) > 0 {
		pairs = append(pairs, g.KV("envFrom", g.Seq(g.Map(
			g.KV("configMapRef", g.Map(g.KV("name", g.Str(s.configMapName())))),
		))))
	}
	if res := s.resources(); res != nil {
		pairs = append(pairs, g.KV("resources", res))
	}
	pairs = append(pairs, s.probe("liveness_probe", "livenessProbe"), s.probe("readiness_probe", "readinessProbe"))
	return g.Map(pairs...)
}

// image is the container image; without one, the service's name stands in
// and a note asks for a pinned image.
func (s *service) image() g.Pair {
	if img, _, ok := s.view.String("image"); ok && img != "" {
		return g.KV("image", g.Str(img))
	}
	p := g.KV("image", g.Str(s.name))
	p.Comment = s.note("image not declared in "+s.ref.Block.Label()+": using "+s.name+"; declare `image` with a pinned tag", "image")
	return p
}

// containerPort is the declared port, or 8080 with a note.
func (s *service) containerPort() g.Pair {
	if s.view.Has("port") {
		return g.KV("containerPort", g.Int(s.port))
	}
	p := g.KV("containerPort", g.Int(defaultPort))
	p.Comment = s.note(fmt.Sprintf("port not declared in %s: using %d for the container, the probes and the Service", s.ref.Block.Label(), defaultPort), "port")
	return p
}

// resources maps requests and limits through the schema's Kubernetes keys
// ("resources.requests.cpu").
func (s *service) resources() *yaml.Node {
	var items []g.Mapped
	var comments []string
	for _, part := range []string{"requests", "limits"} {
		m, c, notes := g.MapObject(name, s.ref, "resources", part)
		items = append(items, m...)
		comments = append(comments, c...)
		s.notes = append(s.notes, notes...)
	}
	if len(items) == 0 {
		return nil
	}
	nested := g.Nest(items)
	res := nested.Content[1] // the "resources" mapping
	addFoot(res, comments)
	return res
}

// probe maps a liveness or readiness probe through the schema's keys and
// points httpGet at the named container port.
func (s *service) probe(field, key string) g.Pair {
	if !s.view.Has(field) {
		return g.Pair{}
	}
	items, comments, notes := g.MapObject(name, s.ref, field)
	s.notes = append(s.notes, notes...)
	for i, it := range items {
		if it.Key == "httpGet.path" {
			port := g.Mapped{Key: "httpGet.port", Value: g.Str(portName)}
			items = append(items[:i+1], append([]g.Mapped{port}, items[i+1:]...)...)
			break
		}
	}
	if len(items) == 0 {
		return g.Pair{Comment: field + " declares no check Kubernetes can run"}
	}
	probe := g.Nest(items)
	addFoot(probe, comments)
	return g.KV(key, probe)
}

// addFoot attaches comments below a mapping's last key.
func addFoot(m *yaml.Node, comments []string) {
	if len(comments) > 0 {
		m.FootComment = g.Comment(strings.Join(comments, "\n"))
	}
}
