package compose

import (
	"fmt"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// name is the target's name on the command line and in headers.
const name = "compose"

// Target generates Docker Compose projects.
var Target = g.Target{
	Name:     name,
	Title:    "Docker Compose project",
	Kinds:    []string{"deploy_docker_compose"},
	Generate: Generate,
}

// member is one Compose service.
type member struct {
	name  string // Compose service name
	ref   rule.Ref
	span  model.Span // where the block lists it
	image string
	note  string // why the image was defaulted, if it was
}

type gen struct {
	svc  g.Service
	ref  rule.Ref
	view typed.View
	// list is the Compose services in the block's order.
	list  []member
	notes []g.Note
}

// Generate writes compose.yaml for svc's deploy_docker_compose block.
func Generate(svc g.Service) (g.Result, error) {
	ref, ok := svc.Block("deploy_docker_compose")
	if !ok {
		return g.Result{}, nil
	}
	project, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the project: %w", err)
	}
	s := &gen{svc: svc, ref: ref, view: typed.Of(ref.Block)}
	app := s.members(project)
	networks := s.strings("networks")
	var services []g.Pair
	for i, m := range s.list {
		services = append(services, g.Pair{Key: m.name, Value: s.service(m, i == app, networks), Comment: m.note})
	}
	unmapped, notes := g.Unmapped(name, ref)
	s.notes = append(notes, s.notes...)
	doc := g.Map(
		g.Pair{Key: "name", Value: g.Str(project), Comment: strings.Join(unmapped, "\n")},
		g.KV("services", g.Map(services...)),
		g.KV("networks", emptyMaps(networks)),
		g.KV("volumes", emptyMaps(namedVolumes(s.strings("volumes")))),
	)
	f, err := g.YAMLFile(path.Join(name, project, "compose.yaml"), name, append([]rule.Ref{ref}, svc.Patterns()...), doc)
	if err != nil {
		return g.Result{}, err
	}
	return g.Result{Files: []g.File{f}, Notes: s.notes}, nil
}

// members reads `services` into Compose services and returns the index of
// the application (the entry naming the block's own service; added first
// when the list leaves it out).
func (s *gen) members(project string) int {
	elems, _, _ := s.view.List("services")
	app := -1
	for _, e := range elems {
		str, ok := e.(*model.String)
		if !ok {
			continue
		}
		cname, err := g.KubeName(str.Value)
		if err != nil {
			s.notes = append(s.notes, g.NoteAt(name, s.ref, str.Span, "service "+str.Value+" not generated: "+err.Error()))
			continue
		}
		if app < 0 && model.NormalizeName(str.Value) == model.NormalizeName(s.svc.Name) {
			app = len(s.list)
		}
		s.list = append(s.list, member{name: cname, span: str.Span})
	}
	if app < 0 {
		app = 0
		s.list = append([]member{{name: project, span: s.ref.Block.Name.Span}}, s.list...)
	}
	for i := range s.list {
		s.image(&s.list[i])
	}
	return app
}

// image takes the image of a deploy_kubernetes block of the same service
// when there is one; otherwise the service's name stands in, with a note.
func (s *gen) image(m *member) {
	for _, r := range s.linked(m) {
		if img, _, ok := typed.Of(r.Block).String("image"); ok && img != "" {
			m.image = img
			return
		}
	}
	m.image = m.name
	m.note = "no image declared for " + m.name + " (DPL declares images in deploy_kubernetes): using " + m.name
	s.notes = append(s.notes, g.NoteAt(name, s.ref, m.span, m.note))
}

// linked returns the deploy_kubernetes blocks of the service m names.
func (s *gen) linked(m *member) []rule.Ref {
	var out []rule.Ref
	for _, r := range s.svc.Blocks {
		if r.Block.Kind.Text == "deploy_kubernetes" && model.NormalizeName(r.Block.Name.Text) == model.NormalizeName(m.name) {
			out = append(out, r)
		}
	}
	return out
}

// service builds one Compose service; the application also gets the
// environment, the volumes and depends_on its dependencies.
func (s *gen) service(m member, isApp bool, networks []string) *yaml.Node {
	pairs := []g.Pair{g.KV("image", g.Str(escape(m.image)))}
	if isApp {
		if env := s.environment(); env != nil {
			pairs = append(pairs, g.KV("environment", env))
		}
		if vols := s.strings("volumes"); len(vols) > 0 {
			pairs = append(pairs, g.KV("volumes", strSeq(vols)))
		}
		var deps []string
		for _, other := range s.list {
			if other.name != m.name {
				deps = append(deps, other.name)
			}
		}
		if len(deps) > 0 {
			pairs = append(pairs, g.KV("depends_on", strSeq(deps)))
		}
	}
	if len(networks) > 0 {
		pairs = append(pairs, g.KV("networks", strSeq(networks)))
	}
	return g.Map(pairs...)
}

// environment is the block's environment, then the pattern settings it
// does not set itself.
func (s *gen) environment() *yaml.Node {
	var keys []string
	values := map[string]string{}
	if env, ok := s.view.Sub("environment"); ok {
		for _, m := range env.Obj.Members {
			// Compose takes every value as text: a number or a boolean
			// written without quotes is kept as written.
			lit, ok := typed.Literal(m.Value)
			if !ok || (lit.Kind != schema.LitString && lit.Kind != schema.LitNumber && lit.Kind != schema.LitBool) {
				s.notes = append(s.notes, g.NoteAt(name, s.ref, m.Key.Span, "environment."+m.Key.Text+" not generated: an environment value is a string, number or boolean"))
				continue
			}
			keys = append(keys, m.Key.Text)
			values[m.Key.Text] = escape(lit.Text)
		}
	}
	settings, notes := g.PatternSettings(name, s.svc)
	s.notes = append(s.notes, notes...)
	for _, st := range settings {
		if _, set := values[st.Key]; set {
			s.notes = append(s.notes, g.NoteAt(name, st.Ref, st.Span, st.Key+" is also set in environment; the environment's value wins"))
			continue
		}
		keys = append(keys, st.Key)
		values[st.Key] = escape(st.Value)
	}
	if len(keys) == 0 {
		return nil
	}
	return g.StrMap(keys, values)
}

func (s *gen) strings(field string) []string {
	out, _, _ := s.view.Strings(field)
	return out
}

// namedVolumes are the sources of `name:/path` mounts that are volume
// names rather than host paths.
func namedVolumes(mounts []string) []string {
	var out []string
	for _, m := range mounts {
		src, _, ok := strings.Cut(m, ":")
		if ok && src != "" && !strings.ContainsAny(src[:1], "./~$") {
			out = append(out, src)
		}
	}
	return out
}

// emptyMaps declares each name with default settings ({}), or nil.
func emptyMaps(names []string) *yaml.Node {
	if len(names) == 0 {
		return nil
	}
	pairs := make([]g.Pair, len(names))
	for i, n := range names {
		pairs[i] = g.KV(n, g.Map())
	}
	return g.Map(pairs...)
}

func strSeq(items []string) *yaml.Node {
	nodes := make([]*yaml.Node, len(items))
	for i, it := range items {
		nodes[i] = g.Str(escape(it))
	}
	return g.Seq(nodes...)
}

// escape protects a value from Compose's interpolation: `$` is `$$`.
func escape(s string) string { return strings.ReplaceAll(s, "$", "$$") }
