package nginx

import (
	"fmt"
	"path"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
	"github.com/dpls-dev/dpls/generators/upstream"
)

// name is the target's name on the command line and in headers.
const name = "nginx"

// Target generates nginx (OSS) upstream and proxy configuration.
var Target = g.Target{
	Name:     name,
	Title:    "nginx upstream and proxy configuration",
	Kinds:    []string{"load_balancer", "fault_tolerance"},
	Generate: Generate,
}

// Files the target writes per service, and the nginx context each belongs in.
const (
	upstreamFile = "upstream.conf" // http { } context
	serverFile   = "server.conf"   // server { } context
)

// gen holds one service's generation state.
type gen struct {
	svc   g.Service
	id    string // upstream and zone names: order_service
	lb    upstream.Balancer
	hasLB bool
	ft    policy.Policy
	hasFT bool
	// servers are the upstream's servers (the service's DNS name when no
	// load_balancer declares any).
	servers []upstream.Server
	notes   []g.Note
	// comments are the notes' words, written at the top of upstream.conf.
	comments []string
}

// Generate writes upstream.conf (http context: rate-limit zone, cache,
// upstream) and server.conf (server context: the proxied location and its
// fallback) for svc.
func Generate(svc g.Service) (g.Result, error) {
	kname, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the upstream: %w", err)
	}
	s := &gen{svc: svc, id: strings.ReplaceAll(kname, "-", "_")}
	s.lb, s.hasLB = upstream.Read(name, svc)
	s.ft, s.hasFT = policy.Read(svc)
	if !s.hasLB && !s.hasFT {
		return g.Result{}, nil
	}
	s.notes = append(s.notes, s.lb.Notes...)
	for _, n := range s.lb.Notes {
		s.comments = append(s.comments, n.Message)
	}
	if err := s.pickServers(); err != nil {
		return g.Result{}, err
	}
	sources := s.sources()
	up := s.upstreamConf()
	srv := s.serverConf()
	var head conf
	head.comment("Include inside the http { } block; " + serverFile + " goes inside a server { } block.")
	for _, msg := range s.comments {
		head.comment("note: " + msg)
	}
	head.blank()
	var srvHead conf
	srvHead.comment("Include inside a server { } block; " + upstreamFile + " must be included in the http { } block.")
	srvHead.blank()
	dir := path.Join(name, kname)
	files := []g.File{
		{Path: path.Join(dir, upstreamFile), Content: g.Seal("#", name, sources, []byte(head.b.String()+up))},
		{Path: path.Join(dir, serverFile), Content: g.Seal("#", name, sources, []byte(srvHead.b.String()+srv))},
	}
	return g.Result{Files: files, Notes: s.notes}, nil
}

// pickServers takes the declared servers, or the service's DNS name.
func (s *gen) pickServers() error {
	if s.hasLB && len(s.lb.Servers) > 0 {
		s.servers = s.lb.Servers
		return nil
	}
	ref := s.lb.Ref
	if !s.hasLB {
		ref = s.ft.Ref
	}
	srv, note, err := upstream.Fallback(name, s.svc, ref)
	if err != nil {
		return err
	}
	s.servers = []upstream.Server{srv}
	s.notes = append(s.notes, note)
	s.comments = append(s.comments, note.Message)
	return nil
}

func (s *gen) sources() []rule.Ref {
	var out []rule.Ref
	if s.hasLB {
		out = append(out, s.lb.Ref)
	}
	if s.hasFT {
		out = append(out, s.ft.Ref)
	}
	return out
}

// lbNote records a load_balancer setting nginx cannot carry.
func (s *gen) lbNote(span model.Span, msg string) {
	s.notes = append(s.notes, g.NoteAt(name, s.lb.Ref, span, msg))
	s.comments = append(s.comments, msg)
}

// ftNote records a fault_tolerance setting nginx cannot carry.
func (s *gen) ftNote(msg string, path ...string) {
	s.notes = append(s.notes, s.ft.Note(name, msg, path...))
	s.comments = append(s.comments, msg)
}

// ftView views the fault_tolerance block.
func (s *gen) ftView() typed.View { return typed.Of(s.ft.Ref.Block) }
