package haproxy

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
	"github.com/dpls-dev/dpls/generators/upstream"
)

// name is the target's name on the command line and in headers.
const name = "haproxy"

// backendFile is the one file per service: a backend section to load
// with the rest of the configuration (haproxy -f dir/ or an include).
const backendFile = "backend.cfg"

// Target generates HAProxy backends.
var Target = g.Target{
	Name:     name,
	Title:    "HAProxy backend",
	Kinds:    []string{"load_balancer", "fault_tolerance"},
	Generate: Generate,
}

type gen struct {
	svc      g.Service
	id       string
	lb       upstream.Balancer
	hasLB    bool
	ft       policy.Policy
	hasFT    bool
	servers  []upstream.Server
	notes    []g.Note
	comments []string
}

// Generate writes haproxy/<service>/backend.cfg.
func Generate(svc g.Service) (g.Result, error) {
	kname, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the backend: %w", err)
	}
	s := &gen{svc: svc, id: strings.ReplaceAll(kname, "-", "_")}
	s.lb, s.hasLB = upstream.Read(name, svc)
	s.ft, s.hasFT = policy.Read(svc)
	if !s.hasLB && !s.hasFT {
		return g.Result{}, nil
	}
	for _, n := range s.lb.Notes {
		s.notes = append(s.notes, n)
		s.comments = append(s.comments, n.Message)
	}
	if s.hasLB && len(s.lb.Servers) > 0 {
		s.servers = s.lb.Servers
	} else {
		ref := s.lb.Ref
		if !s.hasLB {
			ref = s.ft.Ref
		}
		srv, note, err := upstream.Fallback(name, svc, ref)
		if err != nil {
			return g.Result{}, err
		}
		s.servers = []upstream.Server{srv}
		s.notes = append(s.notes, note)
		s.comments = append(s.comments, note.Message)
	}
	body := s.backend()
	var head cfg
	head.b.WriteString("# Load with the rest of the configuration; route to it with `use_backend " + s.id + "`.\n")
	for _, m := range s.comments {
		head.b.WriteString("# note: " + g.LineSafe(m) + "\n")
	}
	var sources []rule.Ref
	if s.hasLB {
		sources = append(sources, s.lb.Ref)
	}
	if s.hasFT {
		sources = append(sources, s.ft.Ref)
	}
	f := g.File{Path: path.Join(name, kname, backendFile), Content: g.Seal("#", name, sources, []byte(head.b.String()+"\n"+body))}
	return g.Result{Files: []g.File{f}, Notes: s.notes}, nil
}

// backend writes the backend section.
func (s *gen) backend() string {
	var c cfg
	c.section("backend", s.id)
	c.line("mode", "http")
	s.balance(&c)
	s.retries(&c)
	s.timeouts(&c)
	checks := s.health(&c)
	s.affinity(&c)
	s.rateLimit(&c)
	s.fallback(&c)
	s.unsupported()
	for i, srv := range s.servers {
		c.line(s.serverWords(i, srv, checks)...)
	}
	return c.b.String()
}

func (s *gen) balance(c *cfg) {
	if !s.hasLB {
		c.line("balance", "roundrobin")
		return
	}
	switch s.lb.Strategy {
	case "least_conn", "least_connections":
		c.line("balance", "leastconn")
	case "ip_hash":
		c.line("balance", "source")
	case "consistent_hash":
		c.comment("consistent_hash: DPL names no key; the request URI is hashed")
		c.line("balance", "uri")
		c.line("hash-type", "consistent")
	case "random":
		c.line("balance", "random")
	case "least_response_time":
		s.lbNote(s.lb.StrategySpan, "strategy least_response_time has no HAProxy algorithm; leastconn is used")
		c.line("balance", "leastconn")
	default:
		c.line("balance", "roundrobin")
	}
}

// retryConditions are the retry-on keywords a retry_on status may name.
var retryConditions = map[string][]string{
	"401": {"401"}, "403": {"403"}, "404": {"404"}, "408": {"408"}, "425": {"425"},
	"500": {"500"}, "501": {"501"}, "502": {"502"}, "503": {"503"}, "504": {"504"},
	"5xx": {"500", "502", "503", "504"}, "gateway-error": {"502", "503", "504"},
	"connect-failure": {"conn-failure"}, "reset": {"empty-response"}, "timeout": {"response-timeout"},
}

// retries: HAProxy's retries count retries only (max_attempts − 1);
// option redispatch sends a retry to another server.
func (s *gen) retries(c *cfg) {
	if !s.hasFT {
		return
	}
	r := s.ft.Retry
	if r == nil {
		c.comment("no retry declared")
		c.line("retries", "0")
		return
	}
	on := []string{"conn-failure", "empty-response", "response-timeout"}
	seen := map[string]bool{"conn-failure": true, "empty-response": true, "response-timeout": true}
	statuses := s.ft.RetryOn
	if len(statuses) == 0 {
		statuses = []string{"502", "503", "504"}
	}
	for _, st := range statuses {
		words, ok := retryConditions[strings.ToLower(st)]
		if !ok {
			s.ftNote("retry.retry_on "+strconv.Quote(st)+" has no HAProxy retry-on keyword; not generated", "retry", "retry_on")
			continue
		}
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				on = append(on, w)
			}
		}
	}
	c.comment("retry: max_attempts " + strconv.Itoa(r.MaxAttempts) + " = the first try + retries " + strconv.Itoa(r.MaxAttempts-1) + " (HAProxy counts retries only), each on another server")
	c.line("retries", strconv.Itoa(r.MaxAttempts-1))
	c.line(append([]string{"retry-on"}, on...)...)
	c.line("option", "redispatch", "1")
	for _, k := range []string{"backoff", "initial_delay", "max_delay", "multiplier"} {
		if s.ft.Declared("retry", k) {
			s.ftNote("retry."+k+" has no HAProxy equivalent (HAProxy retries at once); not generated", "retry", k)
		}
	}
}

func (s *gen) timeouts(c *cfg) {
	if !s.hasFT {
		return
	}
	if t := s.ft.Timeout; t > 0 {
		c.comment("timeout per attempt: connect, then the server's response")
		c.line("timeout", "connect", upstream.Duration(t))
		c.line("timeout", "server", upstream.Duration(t))
	}
	if s.ft.TotalTimeout > 0 {
		s.ftNote("total_timeout has no HAProxy equivalent (timeouts apply per attempt); not generated", "total_timeout")
	}
	if b := s.ft.Bulkhead; b != nil && s.ft.Declared("bulkhead", "max_wait_duration") {
		c.comment("bulkhead.max_wait_duration: how long a request queues for a server slot")
		c.line("timeout", "queue", upstream.Duration(b.MaxWait))
	}
}

// health writes the active HTTP check and reports whether servers get
// `check`.
func (s *gen) health(c *cfg) bool {
	breaker := s.hasFT && s.ft.Breaker != nil && s.ft.Breaker.Count > 0
	h := (*upstream.HealthCheck)(nil)
	if s.hasLB {
		h = s.lb.Health
	}
	if h == nil && !breaker {
		// A static fallback answers while nbsrv is 0, which only checks
		// can make happen: TCP checks then.
		return s.hasFT && s.ft.Fallback != nil && (s.ft.Fallback.Strategy == "returnDefault" || s.ft.Fallback.Strategy == "returnEmpty")
	}
	var ds []string
	if h != nil {
		if h.Path != "" {
			c.line("option", "httpchk")
			c.line("http-check", "send", "meth", "GET", "uri", h.Path)
			if len(h.Expected) > 0 {
				codes := make([]string, len(h.Expected))
				for i, e := range h.Expected {
					codes[i] = strconv.Itoa(e)
				}
				c.line("http-check", "expect", "rstatus", "^("+strings.Join(codes, "|")+")$")
			}
		}
		if h.Timeout > 0 {
			c.line("timeout", "check", upstream.Duration(h.Timeout))
		}
		if h.Interval > 0 {
			ds = append(ds, "inter", upstream.Duration(h.Interval))
		}
		if h.Unhealthy > 0 {
			ds = append(ds, "fall", strconv.Itoa(h.Unhealthy))
		}
		if h.Healthy > 0 {
			ds = append(ds, "rise", strconv.Itoa(h.Healthy))
		}
	}
	if breaker {
		c.comment("circuit_breaker: a server is marked down after " + strconv.Itoa(s.ft.Breaker.Count) + " consecutive errors (per server)")
		ds = append(ds, "observe", "layer7", "error-limit", strconv.Itoa(s.ft.Breaker.Count), "on-error", "mark-down")
		if s.ft.Retry != nil && h == nil {
			s.ftNote("circuit_breaker: HAProxy 2.6 does not count responses that retry-on retried, so with retries only health_check takes a failing server out", "circuit_breaker", "failure_threshold")
		}
	}
	if len(ds) > 0 {
		c.line(append([]string{"default-server"}, ds...)...)
	}
	return true
}

func (s *gen) affinity(c *cfg) {
	if !s.hasLB || s.lb.Affinity == nil {
		return
	}
	a := s.lb.Affinity
	if a.Cookie == "" {
		s.lbNote(a.Span, "session_affinity without cookie_name: HAProxy needs a cookie name; not generated")
		return
	}
	words := []string{"cookie", a.Cookie, "insert", "indirect", "nocache"}
	if a.TTL > 0 {
		words = append(words, "maxlife", upstream.Duration(a.TTL))
	}
	c.comment("session_affinity: the " + a.Cookie + " cookie names the server that served the client")
	c.line(words...)
}

// rateLimit tracks each client's request rate in a stick table and
// answers 429 above requests_per_second (per minute for fractional rates).
func (s *gen) rateLimit(c *cfg) {
	if !s.hasLB || s.lb.RateLimit == nil {
		return
	}
	r := s.lb.RateLimit
	period, limit := "1s", r.PerSecond
	if limit != math.Trunc(limit) {
		period, limit = "60s", math.Ceil(r.PerSecond*60)
	}
	if r.Burst > 0 {
		s.lbNote(r.Span, "rate_limiting.burst_size has no HAProxy equivalent (a stick table counts a rate); not generated")
	}
	c.comment("rate_limiting: per client address; requests above " + strconv.FormatFloat(limit, 'f', -1, 64) + " per " + period + " get 429")
	c.line("stick-table", "type", "ip", "size", "100k", "expire", "60s", "store", "http_req_rate("+period+")")
	c.line("http-request", "track-sc0", "src")
	c.line("http-request", "deny", "deny_status", "429", "if", "{", "sc_http_req_rate(0)", "gt", strconv.FormatFloat(limit, 'f', -1, 64), "}")
}

func (s *gen) fallback(c *cfg) {
	if !s.hasFT || s.ft.Fallback == nil {
		return
	}
	f := s.ft.Fallback
	cond := []string{"if", "{", "nbsrv(" + s.id + ")", "eq", "0", "}"}
	switch f.Strategy {
	case "returnDefault":
		c.comment("fallback returnDefault: answered here while no server is up")
		c.line(append([]string{"http-request", "return", "status", "200", "content-type", "application/json", "string", quote(jsonBody(f.Default))}, cond...)...)
	case "returnEmpty":
		c.comment("fallback returnEmpty: answered here while no server is up")
		c.line(append([]string{"http-request", "return", "status", "204"}, cond...)...)
	case "failFast":
		c.comment("fallback failFast: the error goes back to the client at once (HAProxy's behaviour)")
	default:
		s.ftNote("fallback strategy "+f.Strategy+" has no HAProxy equivalent; not generated", "fallback")
	}
}

func (s *gen) unsupported() {
	if s.hasFT {
		if b := s.ft.Breaker; b != nil {
			if b.Percent > 0 {
				s.ftNote("circuit_breaker.failure_threshold as a percent has no HAProxy equivalent (error-limit counts consecutive errors); not generated", "circuit_breaker", "failure_threshold")
			}
			for _, k := range []string{"reset_timeout", "half_open_state", "sliding_window", "minimum_request_count", "half_open_max_calls"} {
				if s.ft.Declared("circuit_breaker", k) {
					s.ftNote("circuit_breaker."+k+" has no HAProxy equivalent (a marked-down server returns after its health checks pass); not generated", "circuit_breaker", k)
				}
			}
		}
		if bh := s.ft.Bulkhead; bh != nil && bh.MaxConcurrent > 0 {
			s.ftNote("bulkhead.max_concurrent_calls is applied per server (maxconn), not across the service", "bulkhead", "max_concurrent_calls")
		}
		if s.ft.RateLimiter != nil {
			s.ftNote("rate_limiter limits the caller, not the proxy; not generated (load_balancer.rate_limiting is HAProxy's stick table)", "rate_limiter")
		}
	}
}

// serverWords is one `server` line. Server names are s1, s2, … (DPL
// servers have no names); with cookie affinity each gets its cookie value.
func (s *gen) serverWords(i int, srv upstream.Server, checks bool) []string {
	id := "s" + strconv.Itoa(i+1)
	w := []string{"server", id, srv.Address()}
	if srv.Weight != 1 {
		w = append(w, "weight", strconv.Itoa(srv.Weight))
	}
	if s.hasFT && s.ft.Bulkhead != nil && s.ft.Bulkhead.MaxConcurrent > 0 {
		w = append(w, "maxconn", strconv.Itoa(s.ft.Bulkhead.MaxConcurrent))
	}
	if srv.Backup {
		w = append(w, "backup")
	}
	if s.hasLB && s.lb.Affinity != nil && s.lb.Affinity.Cookie != "" {
		w = append(w, "cookie", id)
	}
	if checks {
		w = append(w, "check")
		if srv.MaxFails > 0 {
			w = append(w, "fall", strconv.Itoa(srv.MaxFails))
		}
	} else if srv.MaxFails >= 0 || srv.FailTimeout > 0 {
		s.lbNote(srv.Span, "server "+srv.Address()+": max_fails/fail_timeout need health checks in HAProxy; not generated")
	}
	if srv.FailTimeout > 0 && checks {
		s.lbNote(srv.Span, "server "+srv.Address()+": fail_timeout has no HAProxy equivalent; not generated")
	}
	return w
}

func (s *gen) lbNote(span model.Span, msg string) {
	s.notes = append(s.notes, g.NoteAt(name, s.lb.Ref, span, msg))
	s.comments = append(s.comments, msg)
}

func (s *gen) ftNote(msg string, path ...string) {
	s.notes = append(s.notes, s.ft.Note(name, msg, path...))
	s.comments = append(s.comments, msg)
}
