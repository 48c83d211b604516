package envoy

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
	"github.com/dpls-dev/dpls/generators/upstream"
)

// name is the target's name on the command line and in headers.
const name = "envoy"

// listenPort is the listener's port: Envoy's documentation's own example
// port; DPL declares none for the proxy.
const listenPort = 10000

// Target generates an Envoy v3 bootstrap (static resources).
var Target = g.Target{
	Name:     name,
	Title:    "Envoy configuration",
	Kinds:    []string{"load_balancer", "fault_tolerance"},
	Generate: Generate,
}

// @type URLs of the typed_config messages dpls writes.
const (
	typeHCM       = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"
	typeRouter    = "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"
	typeLocalRate = "type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"
)

type gen struct {
	svc     g.Service
	id      string
	lb      upstream.Balancer
	hasLB   bool
	ft      policy.Policy
	hasFT   bool
	servers []upstream.Server
	notes   []g.Note
	words   []string
}

// Generate writes envoy/<service>/envoy.yaml: a listener with the route
// (retry policy, timeouts) and the cluster (endpoints, lb_policy,
// outlier detection, circuit breakers, health checks).
func Generate(svc g.Service) (g.Result, error) {
	kname, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the cluster: %w", err)
	}
	s := &gen{svc: svc, id: strings.ReplaceAll(kname, "-", "_")}
	s.lb, s.hasLB = upstream.Read(name, svc)
	s.ft, s.hasFT = policy.Read(svc)
	if !s.hasLB && !s.hasFT {
		return g.Result{}, nil
	}
	var sources []rule.Ref
	if s.hasLB {
		sources = append(sources, s.lb.Ref)
		for _, n := range s.lb.Notes {
			s.note(n)
		}
	}
	if s.hasFT {
		sources = append(sources, s.ft.Ref)
	}
	if s.hasLB && len(s.lb.Servers) > 0 {
		s.servers = s.lb.Servers
	} else {
		ref := s.lb.Ref
		if !s.hasLB {
			ref = s.ft.Ref
		}
		srv, n, err := upstream.Fallback(name, svc, ref)
		if err != nil {
			return g.Result{}, err
		}
		s.servers = []upstream.Server{srv}
		s.note(n)
	}
	listener := s.listener()
	cluster := s.cluster()
	s.unsupported()
	doc := g.Map(g.KV("static_resources", g.Map(
		g.KV("listeners", g.Seq(listener)),
		g.KV("clusters", g.Seq(cluster)),
	)))
	if len(s.words) > 0 {
		doc.HeadComment = g.Comment("note: " + strings.Join(s.words, "\nnote: "))
	}
	f, err := g.YAMLFile(path.Join(name, kname, "envoy.yaml"), name, sources, doc)
	if err != nil {
		return g.Result{}, err
	}
	return g.Result{Files: []g.File{f}, Notes: s.notes}, nil
}

func (s *gen) listener() *yaml.Node {
	filters := []*yaml.Node{}
	if s.hasLB && s.lb.RateLimit != nil {
		filters = append(filters, s.rateLimit(s.lb.RateLimit))
	}
	filters = append(filters, g.Map(
		g.KV("name", g.Str("envoy.filters.http.router")),
		g.KV("typed_config", g.Map(g.KV("@type", g.Str(typeRouter)))),
	))
	hcm := g.Map(
		g.KV("@type", g.Str(typeHCM)),
		g.KV("stat_prefix", g.Str(s.id)),
		g.KV("route_config", g.Map(
			g.KV("name", g.Str(s.id)),
			g.KV("virtual_hosts", g.Seq(g.Map(
				g.KV("name", g.Str(s.id)),
				g.KV("domains", g.Seq(g.Str("*"))),
				g.KV("routes", g.Seq(g.Map(
					g.KV("match", g.Map(g.KV("prefix", g.Str("/")))),
					g.KV("route", s.route()),
				))),
			))),
		)),
		g.KV("http_filters", g.Seq(filters...)),
	)
	return g.Map(
		g.KV("name", g.Str(s.id)),
		g.Pair{Key: "address", Comment: "listener port " + strconv.Itoa(listenPort) + ": a dpls default (DPL declares no proxy port)",
			Value: socket("0.0.0.0", listenPort)},
		g.KV("filter_chains", g.Seq(g.Map(g.KV("filters", g.Seq(g.Map(
			g.KV("name", g.Str("envoy.filters.network.http_connection_manager")),
			g.KV("typed_config", hcm),
		)))))),
	)
}

// route is the route action: the cluster, the total timeout and the
// retry policy (num_retries = max_attempts − 1; per_try_timeout = timeout).
func (s *gen) route() *yaml.Node {
	pairs := []g.Pair{g.KV("cluster", g.Str(s.id))}
	if a := s.affinity(); a != nil {
		pairs = append(pairs, g.KV("hash_policy", a))
	}
	if !s.hasFT {
		return g.Map(pairs...)
	}
	r := s.ft.Retry
	switch {
	case s.ft.TotalTimeout > 0:
		pairs = append(pairs, g.KV("timeout", g.Str(g.ProtoDuration(s.ft.TotalTimeout))))
	case r != nil && r.Timeout > 0:
		w := schema.WorstCase(*r)
		pairs = append(pairs, g.Pair{Key: "timeout", Value: g.Str(g.ProtoDuration(w.Total)),
			Comment: "no total_timeout: the retry policy's worst case W bounds the whole call"})
	case s.ft.Timeout > 0:
		pairs = append(pairs, g.KV("timeout", g.Str(g.ProtoDuration(s.ft.Timeout))))
	}
	if r != nil {
		rp := []g.Pair{
			g.KV("retry_on", g.Str(s.retryOn())),
			{Key: "num_retries", Value: g.Int(int64(r.MaxAttempts - 1)), Comment: "max_attempts " + strconv.Itoa(r.MaxAttempts) + " − 1: Envoy counts retries only"},
		}
		if s.ft.Timeout > 0 {
			rp = append(rp, g.KV("per_try_timeout", g.Str(g.ProtoDuration(s.ft.Timeout))))
		}
		if r.InitialDelay > 0 {
			back := []g.Pair{g.KV("base_interval", g.Str(g.ProtoDuration(r.InitialDelay)))}
			if r.MaxDelay > 0 {
				back = append(back, g.KV("max_interval", g.Str(g.ProtoDuration(r.MaxDelay))))
			}
			rp = append(rp, g.Pair{Key: "retry_back_off", Value: g.Map(back...),
				Comment: "Envoy's backoff is exponential with full jitter; its multiplier is fixed (2)"})
		}
		if _, ok := typed.Of(s.ft.Ref.Block).Member("retry", "multiplier"); ok {
			s.ftNote("retry.multiplier has no Envoy equivalent (the multiplier is fixed); not generated", "retry", "multiplier")
		}
		pairs = append(pairs, g.KV("retry_policy", g.Map(rp...)))
	}
	return g.Map(pairs...)
}

// retryConditions map retry_on statuses onto Envoy's retry_on values.
var retryConditions = map[string]string{
	"5xx": "5xx", "gateway-error": "gateway-error", "connect-failure": "connect-failure", "reset": "reset",
	"refused-stream": "refused-stream", "502": "gateway-error", "503": "gateway-error", "504": "gateway-error",
	"unavailable": "unavailable", "cancelled": "cancelled", "deadline_exceeded": "deadline-exceeded",
	"resource_exhausted": "resource-exhausted", "internal": "internal",
}

func (s *gen) retryOn() string {
	out := []string{"connect-failure", "refused-stream"}
	seen := map[string]bool{"connect-failure": true, "refused-stream": true}
	on := s.ft.RetryOn
	if len(on) == 0 {
		on = []string{"gateway-error"}
	}
	for _, st := range on {
		c, ok := retryConditions[strings.ToLower(st)]
		if !ok {
			s.ftNote("retry.retry_on "+strconv.Quote(st)+" has no Envoy retry_on condition; not generated", "retry", "retry_on")
			continue
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return strings.Join(out, ",")
}

// affinity is the route's hash_policy: the affinity cookie, the client
// address for ip_hash, the path for consistent_hash (RING_HASH without a
// hash policy would hash at random).
func (s *gen) affinity() *yaml.Node {
	if !s.hasLB {
		return nil
	}
	if s.lb.Affinity == nil || s.lb.Affinity.Cookie == "" {
		switch s.lb.Strategy {
		case "ip_hash":
			return g.Seq(g.Map(g.KV("connection_properties", g.Map(g.KV("source_ip", g.Bool(true))))))
		case "consistent_hash":
			return g.Seq(g.Map(g.KV("header", g.Map(g.KV("header_name", g.Str(":path"))))))
		}
		return nil
	}
	a := s.lb.Affinity
	ck := []g.Pair{g.KV("name", g.Str(a.Cookie))}
	if a.TTL > 0 {
		ck = append(ck, g.KV("ttl", g.Str(g.ProtoDuration(a.TTL))))
	}
	return g.Seq(g.Map(g.KV("cookie", g.Map(ck...))))
}

func (s *gen) rateLimit(r *upstream.RateLimit) *yaml.Node {
	tokens := int64(r.PerSecond)
	fill := time.Second
	if float64(tokens) != r.PerSecond {
		// A fractional rate refills one token every 1/rate seconds.
		tokens, fill = 1, time.Duration(float64(time.Second)/r.PerSecond)
	}
	full := g.Map(g.KV("default_value", g.Map(g.KV("numerator", g.Int(100)), g.KV("denominator", g.Str("HUNDRED")))),
		g.KV("runtime_key", g.Str(s.id+"_rate_limit")))
	return g.Map(
		g.KV("name", g.Str("envoy.filters.http.local_ratelimit")),
		g.KV("typed_config", g.Map(
			g.KV("@type", g.Str(typeLocalRate)),
			g.KV("stat_prefix", g.Str(s.id+"_rate_limit")),
			g.Pair{Key: "token_bucket", Comment: "rate_limiting: max_tokens = rate + burst_size; excess requests get 429",
				Value: g.Map(
					g.KV("max_tokens", g.Int(tokens+int64(r.Burst))),
					g.KV("tokens_per_fill", g.Int(tokens)),
					g.KV("fill_interval", g.Str(g.ProtoDuration(fill))),
				)},
			g.KV("filter_enabled", full),
			g.KV("filter_enforced", full),
		)),
	)
}

func socket(host string, port int) *yaml.Node {
	return g.Map(g.KV("socket_address", g.Map(g.KV("address", g.Str(host)), g.KV("port_value", g.Int(int64(port))))))
}

func (s *gen) note(n g.Note) {
	s.notes = append(s.notes, n)
	s.words = append(s.words, n.Message)
}

func (s *gen) ftNote(msg string, path ...string) { s.note(s.ft.Note(name, msg, path...)) }

func (s *gen) lbNote(msg string, span g.Span) { s.note(g.NoteAt(name, s.lb.Ref, span, msg)) }
