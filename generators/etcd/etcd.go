package etcd

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// name is the target's name on the command line and in headers.
const name = "etcd"

// Target generates etcd registration programs.
var Target = g.Target{
	Name:     name,
	Title:    "etcd service registration (Go)",
	Kinds:    []string{"service_discovery"},
	Generate: Generate,
}

const (
	// keyRoot is where instances live: keyRoot + name + "/" + id.
	keyRoot = "/services/"
	// minTTL is the shortest lease etcd grants with its default timing
	// (1.5 × the 1s election timeout, rounded up); it raises shorter ones.
	minTTL = 2 * time.Second
	// defaultTTL is the lease when the block gives neither a
	// deregistration delay nor an interval.
	defaultTTL = 10 * time.Second
	// missedBeats is how many check intervals a dead instance stays
	// listed when only the interval is given.
	missedBeats = 3
)

// registration is what the program registers.
type registration struct {
	service  string
	ttl      int64 // seconds
	tags     []string
	metaKeys []string
	meta     map[string]string
}

// gen is one registration being built, with its notes.
type gen struct {
	ref   rule.Ref
	view  typed.View
	notes []g.Note
	texts []string
}

// Generate writes the registration program of svc's service_discovery
// block when its registry is etcd.
func Generate(svc g.Service) (g.Result, error) {
	ref, ok := svc.Block("service_discovery")
	if !ok {
		return g.Result{}, nil
	}
	v := typed.Of(ref.Block)
	if reg, _, ok := v.String("registry"); !ok || reg != "etcd" {
		return g.Result{}, nil
	}
	s := &gen{ref: ref, view: v}
	reg, err := s.registration(svc.Name)
	if err != nil {
		return g.Result{}, err
	}
	src, err := program(reg, s.texts)
	if err != nil {
		return g.Result{}, err
	}
	dir, err := g.KubeName(reg.service)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the output directory: %w", err)
	}
	f := g.File{Path: path.Join(name, dir, "register.go"), Content: g.Seal("//", name, []rule.Ref{ref}, src)}
	return g.Result{Files: []g.File{f}, Notes: s.notes}, nil
}

// note records msg at the key of path (the block name when absent).
func (s *gen) note(msg string, path ...string) {
	span := s.ref.Block.Name.Span
	if m, ok := s.view.Member(path...); ok {
		span = m.Key.Span
	}
	s.notes = append(s.notes, g.NoteAt(name, s.ref, span, msg))
	s.texts = append(s.texts, msg)
}

func (s *gen) registration(block string) (registration, error) {
	reg := registration{meta: map[string]string{}}
	reg.service = s.serviceName(block)
	if reg.service == "" {
		k, err := g.KubeName(block)
		if err != nil {
			return registration{}, fmt.Errorf("naming the service: %w", err)
		}
		reg.service = k
	}
	reg.ttl = s.leaseTTL()
	if tags, _, ok := s.view.Strings("service_tags"); ok {
		reg.tags = tags
	}
	if obj, ok := s.view.Sub("metadata"); ok {
		for _, m := range obj.Obj.Members {
			val, _, ok := s.view.String("metadata", m.Key.Text)
			if !ok {
				s.note("service_discovery.metadata."+m.Key.Text+" not generated: metadata values are strings", "metadata", m.Key.Text)
				continue
			}
			if _, dup := reg.meta[m.Key.Text]; !dup {
				reg.metaKeys = append(reg.metaKeys, m.Key.Text)
			}
			reg.meta[m.Key.Text] = val
		}
	}
	for _, kind := range []string{"http", "tcp", "grpc", "script"} {
		if s.view.Has("health_check", kind) {
			s.note("service_discovery.health_check."+kind+" has no etcd equivalent: etcd runs no checks; "+
				"the registering process's lease keep-alive is the health signal", "health_check", kind)
		}
	}
	if s.view.Has("health_check", "timeout") {
		s.note("service_discovery.health_check.timeout has no etcd equivalent: etcd runs no checks", "health_check", "timeout")
	}
	for _, p := range []string{"refresh_interval", "cache_ttl", "fail_fast"} {
		if s.view.Has("discovery", p) {
			s.note("service_discovery.discovery."+p+" has no equivalent in a registration: clients watch the "+keyRoot+reg.service+"/ prefix", "discovery", p)
		}
	}
	return reg, nil
}

// serviceName is service_name when it can be one key segment; "" lets
// the caller fall back to the block name.
func (s *gen) serviceName(block string) string {
	n, _, ok := s.view.String("service_name")
	if !ok || strings.TrimSpace(n) == "" {
		return ""
	}
	if strings.ContainsAny(n, "/\x00") {
		s.note("service_discovery.service_name "+fmt.Sprintf("%q", n)+" holds a / and would change the key layout; the block name is used", "service_name")
		return ""
	}
	return n
}

// leaseTTL is the lease in whole seconds (etcd grants seconds).
func (s *gen) leaseTTL() int64 {
	var ttl time.Duration
	dereg, _, hasDereg := s.view.Duration("health_check", "deregister_critical_service_after")
	interval, _, hasInterval := s.view.Duration("health_check", "interval")
	switch {
	case hasDereg:
		ttl = dereg
		if hasInterval {
			s.note("service_discovery.health_check.interval has no etcd equivalent: the client renews the lease every third of its TTL", "health_check", "interval")
		}
	case hasInterval:
		ttl = missedBeats * interval
		s.note(fmt.Sprintf("lease TTL %s is %d × health_check.interval: a dead instance stays listed that long (set deregister_critical_service_after to choose)",
			g.SingleUnit(time.Duration(g.Seconds(ttl))*time.Second), missedBeats), "health_check", "interval")
	default:
		ttl = defaultTTL
		s.note("no health_check.deregister_critical_service_after or interval: lease TTL "+g.SingleUnit(defaultTTL)+" generated", "health_check")
	}
	if ttl < minTTL {
		s.note("lease TTL "+g.SingleUnit(ttl)+" is below etcd's minimum: etcd grants "+g.SingleUnit(minTTL), "health_check")
		ttl = minTTL
	}
	return g.Seconds(ttl)
}
