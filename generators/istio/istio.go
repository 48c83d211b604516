package istio

import (
	"fmt"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// name is the target's name on the command line and in headers.
const name = "istio"

// apiVersion is the served, stable version of both kinds.
const apiVersion = "networking.istio.io/v1"

// Target generates Istio DestinationRule and VirtualService objects.
var Target = g.Target{
	Name:     name,
	Title:    "Istio DestinationRule and VirtualService",
	Kinds:    []string{"fault_tolerance", "load_balancer"},
	Generate: Generate,
}

// service is what both objects of one service share.
type service struct {
	host      string // the Kubernetes Service the rules apply to
	namespace string
	ft, lb    *block
	notes     []g.Note
}

// Generate writes the DestinationRule and VirtualService for svc; an object
// with nothing to carry is left out.
func Generate(svc g.Service) (g.Result, error) {
	host, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the host: %w", err)
	}
	s := &service{host: host}
	if ref, ok := svc.Block("deploy_kubernetes"); ok {
		if ns, _, ok := typed.Of(ref.Block).String("namespace"); ok {
			s.namespace = ns
		}
	}
	var sources []rule.Ref
	if ref, ok := svc.Block("fault_tolerance"); ok {
		b := newBlock(ref, &s.notes)
		s.ft = &b
		sources = append(sources, ref)
	}
	if ref, ok := svc.Block("load_balancer"); ok {
		b := newBlock(ref, &s.notes)
		s.lb = &b
		sources = append(sources, ref)
	}

	var files []g.File
	if dr := s.destinationRule(); dr != nil {
		f, err := g.YAMLFile(path.Join(name, host, "destination-rule.yaml"), name, sources, dr)
		if err != nil {
			return g.Result{}, err
		}
		files = append(files, f)
	}
	if s.ft != nil {
		if vs := s.virtualService(); vs != nil {
			f, err := g.YAMLFile(path.Join(name, host, "virtual-service.yaml"), name, []rule.Ref{s.ft.ref}, vs)
			if err != nil {
				return g.Result{}, err
			}
			files = append(files, f)
		}
	}
	return g.Result{Files: files, Notes: s.notes}, nil
}

// object is apiVersion, kind, metadata and spec; comments go above spec.
func (s *service) object(kind string, spec *yaml.Node, comments []string) *yaml.Node {
	var ns *yaml.Node
	if s.namespace != "" {
		ns = g.Str(s.namespace)
	}
	return g.Map(
		g.KV("apiVersion", g.Str(apiVersion)),
		g.KV("kind", g.Str(kind)),
		g.KV("metadata", g.Map(
			g.KV("name", g.Str(s.host)),
			g.KV("namespace", ns),
			g.KV("labels", g.Map(
				g.KV("app.kubernetes.io/name", g.Str(s.host)),
				g.KV("app.kubernetes.io/managed-by", g.Str("dpls")),
			)),
		)),
		g.Pair{Key: "spec", Value: spec, Comment: strings.Join(comments, "\n")},
	)
}
