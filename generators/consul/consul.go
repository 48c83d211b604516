package consul

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// name is the target's name on the command line and in headers.
const name = "consul"

// Target generates Consul service registrations.
var Target = g.Target{
	Name:     name,
	Title:    "Consul service registration",
	Kinds:    []string{"service_discovery"},
	Generate: Generate,
}

// registration mirrors the members of api.AgentServiceRegistration that
// dpls writes, with their JSON names; the tests decode the output into the
// api type with unknown fields disallowed, so a misspelt name fails there.
type registration struct {
	Name   string            `json:"Name"`
	Tags   []string          `json:"Tags,omitempty"`
	Port   int64             `json:"Port,omitempty"`
	Meta   map[string]string `json:"Meta"`
	Checks []check           `json:"Checks,omitempty"`
}

// check mirrors api.AgentServiceCheck.
type check struct {
	CheckID                        string   `json:"CheckID"`
	Name                           string   `json:"Name"`
	Notes                          string   `json:"Notes,omitempty"`
	HTTP                           string   `json:"HTTP,omitempty"`
	TCP                            string   `json:"TCP,omitempty"`
	GRPC                           string   `json:"GRPC,omitempty"`
	Args                           []string `json:"ScriptArgs,omitempty"`
	Interval                       string   `json:"Interval"`
	Timeout                        string   `json:"Timeout,omitempty"`
	DeregisterCriticalServiceAfter string   `json:"DeregisterCriticalServiceAfter,omitempty"`
}

// Consul's limits on service metadata (agent/structs ValidateServiceMetadata).
var metaKey = regexp.MustCompile(`^[a-zA-Z0-9_-]+$`)

const (
	metaKeyMax   = 128
	metaValueMax = 512
	metaPairsMax = 64
	// defaultInterval is Consul's usual check interval, used when the DSL
	// gives none: Consul rejects HTTP/TCP/gRPC/script checks without one.
	defaultInterval = 10 * time.Second
	// minDeregister is the shortest deregistration delay Consul honours.
	minDeregister = time.Minute
)

// gen is one registration being built.
type gen struct {
	ref   rule.Ref
	view  typed.View
	svc   g.Service
	notes []g.Note
	texts []string // notes for the output, in order
}

// Generate writes the registration of svc's service_discovery block when
// its registry is consul.
func Generate(svc g.Service) (g.Result, error) {
	ref, ok := svc.Block("service_discovery")
	if !ok {
		return g.Result{}, nil
	}
	v := typed.Of(ref.Block)
	if reg, _, ok := v.String("registry"); ok && reg != "consul" {
		return g.Result{}, nil
	}
	s := &gen{ref: ref, view: v, svc: svc}
	reg, err := s.registration()
	if err != nil {
		return g.Result{}, err
	}
	f, err := sealJSON(path.Join(name, fileName(reg.Name), "service.json"), reg)
	if err != nil {
		return g.Result{}, err
	}
	return g.Result{Files: []g.File{f}, Notes: s.notes}, nil
}

// fileName keeps a Consul service name usable as one path segment.
func fileName(n string) string {
	if k, err := g.KubeName(n); err == nil {
		return k
	}
	return "service"
}

// note records msg at the key of path (the block name when absent).
func (s *gen) note(msg string, path ...string) string {
	span := s.ref.Block.Name.Span
	if m, ok := s.view.Member(path...); ok {
		span = m.Key.Span
	}
	s.notes = append(s.notes, g.NoteAt(name, s.ref, span, msg))
	s.texts = append(s.texts, msg)
	return msg
}

func (s *gen) registration() (registration, error) {
	reg := registration{Meta: headerMeta([]rule.Ref{s.ref})}
	if n, _, ok := s.view.String("service_name"); ok && strings.TrimSpace(n) != "" {
		reg.Name = n
	} else {
		k, err := g.KubeName(s.svc.Name)
		if err != nil {
			return registration{}, fmt.Errorf("naming the service: %w", err)
		}
		reg.Name = k
	}
	if tags, _, ok := s.view.Strings("service_tags"); ok {
		reg.Tags = tags
	}
	reg.Port = s.port()
	s.metadata(reg.Meta)
	reg.Checks = s.checks(reg.Name, reg.Port)
	for _, p := range [][]string{{"discovery", "refresh_interval"}, {"discovery", "cache_ttl"}, {"discovery", "fail_fast"}} {
		if s.view.Has(p...) {
			s.note("service_discovery."+strings.Join(p, ".")+" has no equivalent in a registration: clients set it (blocking queries, watches)", p...)
		}
	}
	for i, t := range s.texts {
		reg.Meta[fmt.Sprintf("%s%02d", metaNote, i+1)] = clip(t, metaValueMax)
	}
	if len(reg.Meta) > metaPairsMax {
		return registration{}, fmt.Errorf("%d metadata pairs: Consul allows at most %d", len(reg.Meta), metaPairsMax)
	}
	return reg, nil
}

// port is the service port from the deploy_kubernetes block, else from
// the TCP check's address; 0 (left out) when neither gives one.
func (s *gen) port() int64 {
	if ref, ok := s.svc.Block("deploy_kubernetes"); ok {
		if p, _, ok := typed.Of(ref.Block).Count("port"); ok {
			return p
		}
	}
	if hp, _, ok := s.view.String("health_check", "tcp"); ok {
		// The schema checked host:port with a required port.
		if i := strings.LastIndexByte(hp, ':'); i >= 0 {
			if n, err := strconv.ParseInt(hp[i+1:], 10, 64); err == nil && n > 0 && n < 65536 {
				return n
			}
		}
	}
	return 0
}

// metadata copies the block's metadata into meta, leaving out what Consul
// would reject.
func (s *gen) metadata(meta map[string]string) {
	obj, ok := s.view.Sub("metadata")
	if !ok {
		return
	}
	for _, m := range obj.Obj.Members {
		k := m.Key.Text
		val, _, ok := s.view.String("metadata", k)
		switch {
		case !ok:
			s.note("service_discovery.metadata."+k+" not generated: Consul metadata values are strings", "metadata", k)
		case !metaKey.MatchString(k) || len(k) > metaKeyMax:
			s.note("service_discovery.metadata."+k+" not generated: Consul metadata keys are at most 128 letters, digits, _ and -", "metadata", k)
		case strings.HasPrefix(k, "consul-") || strings.HasPrefix(k, "dpls-"):
			s.note("service_discovery.metadata."+k+" not generated: the consul- and dpls- prefixes are reserved", "metadata", k)
		case len(val) > metaValueMax:
			s.note("service_discovery.metadata."+k+" not generated: Consul metadata values are at most 512 bytes", "metadata", k)
		default:
			meta[k] = val
		}
	}
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
