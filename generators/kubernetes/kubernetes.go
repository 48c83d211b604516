package kubernetes

import (
	"fmt"
	"path"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/generators"
)

// name is the target's name on the command line and in headers.
const name = "kubernetes"

// Target generates Kubernetes manifests.
var Target = generators.Target{
	Name:     name,
	Title:    "Kubernetes manifests",
	Kinds:    []string{"deploy_kubernetes"},
	Generate: Generate,
}

// Label keys every object carries; the selector uses nameLabel only.
const (
	nameLabel    = "app.kubernetes.io/name"
	managedLabel = "app.kubernetes.io/managed-by"
	portName     = "http"
	// defaultPort is the container port when the block declares none.
	defaultPort = 8080
)

// service is what every object of one service shares.
type service struct {
	svc       generators.Service
	ref       rule.Ref // the deploy_kubernetes block
	view      typed.View
	name      string
	namespace string
	port      int64
	settings  []generators.Setting
	notes     []generators.Note
	// unmapped lists the block's settings Kubernetes has no key for; the
	// Deployment's first comment says so.
	unmapped []string
}

// Generate writes the objects for svc's deploy_kubernetes block.
func Generate(svc generators.Service) (generators.Result, error) {
	ref, ok := svc.Block("deploy_kubernetes")
	if !ok {
		return generators.Result{}, nil
	}
	kname, err := generators.KubeName(svc.Name)
	if err != nil {
		return generators.Result{}, fmt.Errorf("naming the objects: %w", err)
	}
	s := &service{svc: svc, ref: ref, view: typed.Of(ref.Block), name: kname, port: defaultPort}
	if p, _, ok := s.view.Count("port"); ok {
		s.port = p
	}
	if ns, _, ok := s.view.String("namespace"); ok {
		s.namespace = ns
	}
	var notes []generators.Note
	s.unmapped, s.notes = generators.Unmapped(name, ref)
	s.settings, notes = generators.PatternSettings(name, svc)
	s.notes = append(s.notes, notes...)

	var files []generators.File
	add := func(file string, sources []rule.Ref, doc *yaml.Node) error {
		f, err := generators.YAMLFile(path.Join(name, kname, file), name, sources, doc)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	}
	deployment := s.deployment()
	if err := add("deployment.yaml", s.deploymentSources(), deployment); err != nil {
		return generators.Result{}, err
	}
	if err := add("service.yaml", []rule.Ref{ref}, s.service()); err != nil {
		return generators.Result{}, err
	}
	if hpa := s.hpa(); hpa != nil {
		if err := add("hpa.yaml", []rule.Ref{ref}, hpa); err != nil {
			return generators.Result{}, err
		}
	}
	if err := add("pdb.yaml", []rule.Ref{ref}, s.pdb()); err != nil {
		return generators.Result{}, err
	}
	if len(s.settings) > 0 {
		if err := add("configmap.yaml", s.svc.Patterns(), s.configMap()); err != nil {
			return generators.Result{}, err
		}
	}
	return generators.Result{Files: files, Notes: s.notes}, nil
}

// deploymentSources are the blocks the Deployment reflects: the deploy
// block, and the pattern blocks when it loads their ConfigMap.
func (s *service) deploymentSources() []rule.Ref {
	if len(s.settings) == 0 {
		return []rule.Ref{s.ref}
	}
	return append([]rule.Ref{s.ref}, s.svc.Patterns()...)
}

// note records a note at the key of path in the deploy block (at the
// block's name when the key is absent) and returns its text for the
// output's comment.
func (s *service) note(msg string, path ...string) string {
	span := s.ref.Block.Name.Span
	if m, ok := s.view.Member(path...); ok {
		span = m.Key.Span
	}
	s.notes = append(s.notes, generators.NoteAt(name, s.ref, span, msg))
	return msg
}

// metadata is the metadata of every object: name, namespace when the block
// sets one (else the namespace kubectl applies to), and the labels.
func (s *service) metadata(objName string) *yaml.Node {
	var ns *yaml.Node
	if s.namespace != "" {
		ns = generators.Str(s.namespace)
	}
	return generators.Map(
		generators.KV("name", generators.Str(objName)),
		generators.KV("namespace", ns),
		generators.KV("labels", s.labels(true)),
	)
}

// labels are the object labels; the selector uses only the name label.
func (s *service) labels(all bool) *yaml.Node {
	pairs := []generators.Pair{generators.KV(nameLabel, generators.Str(s.name))}
	if all {
		pairs = append(pairs, generators.KV(managedLabel, generators.Str("dpls")))
	}
	return generators.Map(pairs...)
}

func (s *service) selector() *yaml.Node {
	return generators.Map(generators.KV("matchLabels", s.labels(false)))
}

// header starts an object: apiVersion, kind, metadata.
func (s *service) header(apiVersion, kind, objName string) []generators.Pair {
	return []generators.Pair{
		generators.KV("apiVersion", generators.Str(apiVersion)),
		generators.KV("kind", generators.Str(kind)),
		generators.KV("metadata", s.metadata(objName)),
	}
}

// configMapName is the ConfigMap holding the pattern settings.
func (s *service) configMapName() string { return s.name + "-patterns" }
