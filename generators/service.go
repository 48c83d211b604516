package generators

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// Service is everything declared for one name: `fault_tolerance
// OrderService`, `deploy_kubernetes OrderService`, `alerts OrderService`…
// Blocks are in index order (by file name, then position).
type Service struct {
	Name   string
	Blocks []rule.Ref
}

// ServiceNamed collects the blocks named name.
func ServiceNamed(idx *rule.Index, name string) Service {
	return Service{Name: name, Blocks: append([]rule.Ref(nil), idx.Named(name)...)}
}

// Services returns every named service of the workspace, sorted by name.
func Services(idx *rule.Index) []Service {
	var out []Service
	for _, n := range idx.Names() {
		out = append(out, ServiceNamed(idx, n))
	}
	return out
}

// Block returns the first block of kind.
func (s Service) Block(kind string) (rule.Ref, bool) {
	for _, r := range s.Blocks {
		if r.Block.Kind.Text == kind {
			return r, true
		}
	}
	return rule.Ref{}, false
}

// patternGroups are the schema groups whose blocks describe how the
// service behaves (as opposed to how it is generated, deployed or
// verified): their settings travel into the service's configuration.
var patternGroups = map[schema.Group]bool{
	schema.GroupCore: true, schema.GroupAdvanced: true, schema.GroupRecursive: true,
}

// Patterns returns the service's pattern blocks (fault_tolerance,
// load_balancer, distributed_lock, multi_level_fault_tolerance, …).
func (s Service) Patterns() []rule.Ref {
	var out []rule.Ref
	for _, r := range s.Blocks {
		if b, ok := schema.Lookup(r.Block.Kind.Text); ok && patternGroups[b.Group] {
			out = append(out, r)
		}
	}
	return out
}

// NoteAt builds a note pointing at a span of r's block.
func NoteAt(target string, r rule.Ref, span Span, msg string) Note {
	return Note{Location: r.Loc(span), Target: target, Message: msg}
}
