package upstream

import (
	"fmt"
	"strconv"
	"time"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// DefaultPort is the port of a server written without one ("web1"): nginx's
// own default, which the other targets need spelled out.
const DefaultPort = 80

// Server is one entry of load_balancer.servers. MaxFails is -1 and
// FailTimeout 0 when the entry leaves them to the block-wide default.
type Server struct {
	Host        string
	Port        int
	Weight      int
	MaxFails    int
	FailTimeout time.Duration
	Backup      bool
	// Span is the entry in the DPL source (block-relative).
	Span model.Span
}

// Address is host:port as every proxy writes it (IPv6 hosts keep their
// brackets).
func (s Server) Address() string { return s.Host + ":" + strconv.Itoa(s.Port) }

// HealthCheck is load_balancer.health_check; zero values are unset.
type HealthCheck struct {
	Interval, Timeout  time.Duration
	Path               string
	Expected           []int
	Healthy, Unhealthy int
	// Span is the health_check key.
	Span model.Span
}

// Affinity is an enabled session_affinity.
type Affinity struct {
	// Cookie is the cookie name; "" when none was declared or it was not
	// a token (a note says so).
	Cookie string
	TTL    time.Duration
	Span   model.Span
}

// RateLimit is an enabled rate_limiting.
type RateLimit struct {
	PerSecond float64
	Burst     int
	Span      model.Span
}

// Balancer is a load_balancer block as values. Health, Affinity and
// RateLimit are nil when the block does not declare them (or disables
// them with `enabled: false`).
type Balancer struct {
	Ref          rule.Ref
	Strategy     string
	StrategySpan model.Span
	Servers      []Server
	Health       *HealthCheck
	Affinity     *Affinity
	RateLimit    *RateLimit
	// Notes are the values dropped because no proxy syntax may carry them.
	Notes []g.Note
}

// Read reads svc's load_balancer block for target (which names the notes);
// ok is false when svc has none.
func Read(target string, svc g.Service) (b Balancer, ok bool) {
	ref, ok := svc.Block("load_balancer")
	if !ok || ref.Block.Body == nil {
		return Balancer{}, false
	}
	v := typed.Of(ref.Block)
	b = Balancer{Ref: ref, Strategy: "round_robin", StrategySpan: ref.Block.Name.Span}
	if s, span, ok := v.String("strategy"); ok {
		b.Strategy, b.StrategySpan = s, span
	}
	elems, _, _ := v.List("servers")
	for i, e := range elems {
		if s, ok := b.server(target, i, e); ok {
			b.Servers = append(b.Servers, s)
		}
	}
	if enabled(v, "health_check") {
		b.Health = readHealth(v)
		if h := b.Health; h.Path != "" && !ValidPath(h.Path) {
			b.Notes = append(b.Notes, g.NoteAt(target, b.Ref, v.KeySpan("health_check", "path"),
				fmt.Sprintf("health_check.path %q is not a plain URL path; not generated", h.Path)))
			h.Path = ""
		}
	}
	if enabled(v, "session_affinity") {
		b.Affinity = b.readAffinity(target, v)
	}
	if enabled(v, "rate_limiting") {
		r := &RateLimit{Span: v.KeySpan("rate_limiting")}
		r.PerSecond, _, _ = v.Number("rate_limiting", "requests_per_second")
		if n, _, ok := v.Count("rate_limiting", "burst_size"); ok {
			r.Burst = int(n)
		}
		if r.PerSecond > 0 {
			b.RateLimit = r
		}
	}
	return b, true
}

// enabled reports whether the object at key is declared and not switched
// off with `enabled: false`.
func enabled(v typed.View, key string) bool {
	if _, ok := v.Sub(key); !ok {
		return false
	}
	on, _, set := v.Bool(key, "enabled")
	return !set || on
}

// server reads servers[i], a "host[:port]" string or an object.
func (b *Balancer) server(target string, i int, e model.Value) (Server, bool) {
	s := Server{Port: DefaultPort, Weight: 1, MaxFails: -1}
	switch n := e.(type) {
	case *model.String:
		norm, problems := schema.HostPort{}.Check(schema.Str(n.Value))
		s.Span = n.Span
		if hasError(problems) {
			return b.drop(target, n.Span, n.Value)
		}
		s.Host = norm.Text
		if norm.Int > 0 {
			s.Port = int(norm.Int)
		}
	case *model.Object:
		s.Span = n.Span
		v := typed.View{Kind: "load_balancer", Path: []string{"servers", strconv.Itoa(i)}, Obj: n}
		host, span, ok := v.String("host")
		if !ok {
			b.Notes = append(b.Notes, g.NoteAt(target, b.Ref, n.Span, "server without a host; not generated"))
			return Server{}, false
		}
		s.Host = host
		s.Span = span
		if p, _, ok := v.Count("port"); ok && p >= 1 && p <= 65535 {
			s.Port = int(p)
		}
		if w, _, ok := v.Count("weight"); ok && w >= 1 {
			s.Weight = int(w)
		}
		if f, _, ok := v.Count("max_fails"); ok && f >= 0 {
			s.MaxFails = int(f)
		}
		s.FailTimeout, _, _ = v.Duration("fail_timeout")
		s.Backup, _, _ = v.Bool("backup")
	default:
		return Server{}, false
	}
	if !ValidHost(s.Host) {
		return b.drop(target, s.Span, s.Host)
	}
	return s, true
}

func (b *Balancer) drop(target string, span model.Span, text string) (Server, bool) {
	b.Notes = append(b.Notes, g.NoteAt(target, b.Ref, span,
		fmt.Sprintf("server %q is not a host name or IP address; not generated", text)))
	return Server{}, false
}

func readHealth(v typed.View) *HealthCheck {
	h := &HealthCheck{Span: v.KeySpan("health_check")}
	h.Interval, _, _ = v.Duration("health_check", "interval")
	h.Timeout, _, _ = v.Duration("health_check", "timeout")
	h.Path, _, _ = v.String("health_check", "path")
	if elems, _, ok := v.List("health_check", "expected_status"); ok {
		for _, e := range elems {
			if n, isNum := e.(*model.Number); isNum && n.Value == float64(int(n.Value)) && n.Value >= 100 && n.Value <= 599 {
				h.Expected = append(h.Expected, int(n.Value))
			}
		}
	}
	if n, _, ok := v.Count("health_check", "healthy_threshold"); ok && n >= 1 {
		h.Healthy = int(n)
	}
	if n, _, ok := v.Count("health_check", "unhealthy_threshold"); ok && n >= 1 {
		h.Unhealthy = int(n)
	}
	return h
}

func (b *Balancer) readAffinity(target string, v typed.View) *Affinity {
	a := &Affinity{Span: v.KeySpan("session_affinity")}
	a.TTL, _, _ = v.Duration("session_affinity", "ttl")
	if c, span, ok := v.String("session_affinity", "cookie_name"); ok {
		if ValidCookie(c) {
			a.Cookie = c
		} else {
			b.Notes = append(b.Notes, g.NoteAt(target, b.Ref, span,
				fmt.Sprintf("cookie name %q is not an RFC 6265 token; session affinity not generated", c)))
			return nil
		}
	}
	return a
}

// Fallback is the server a proxy target uses when the service declares no
// load_balancer: the service's own DNS name (as Kubernetes and Compose
// resolve it) on DefaultPort, with a note saying so.
func Fallback(target string, svc g.Service, ref rule.Ref) (Server, g.Note, error) {
	host, err := g.KubeName(svc.Name)
	if err != nil {
		return Server{}, g.Note{}, fmt.Errorf("naming the upstream: %w", err)
	}
	s := Server{Host: host, Port: DefaultPort, Weight: 1, MaxFails: -1, Span: ref.Block.Name.Span}
	n := g.NoteAt(target, ref, ref.Block.Name.Span, fmt.Sprintf(
		"no load_balancer servers declared for %s: the upstream is %s (the service's DNS name)", svc.Name, s.Address()))
	return s, n, nil
}

func hasError(ps []schema.Problem) bool {
	for _, p := range ps {
		if p.Severity == schema.SeverityError {
			return true
		}
	}
	return false
}
