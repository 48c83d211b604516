package envoy

import (
	"net/netip"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/upstream"
)

// defaultConnectTimeout is Envoy's own default connect_timeout, written
// out when DPL declares no per-attempt timeout.
const defaultConnectTimeout = 5 * time.Second

// lbPolicies maps strategies onto Envoy's lb_policy.
var lbPolicies = map[string]string{
	"round_robin": "ROUND_ROBIN", "weighted_round_robin": "ROUND_ROBIN", "least_conn": "LEAST_REQUEST",
	"least_connections": "LEAST_REQUEST", "ip_hash": "RING_HASH", "consistent_hash": "RING_HASH",
	"random": "RANDOM", "least_response_time": "LEAST_REQUEST",
}

// cluster is the upstream cluster: endpoints (backups at priority 1),
// lb_policy, connect timeout, circuit breakers (the bulkhead), outlier
// detection (the circuit breaker, per host) and active health checks.
func (s *gen) cluster() *yaml.Node {
	kind := "STATIC"
	for _, srv := range s.servers {
		if _, err := netip.ParseAddr(upstream.Host(srv.Host)); err != nil {
			kind = "STRICT_DNS"
		}
	}
	policy := "ROUND_ROBIN"
	if s.hasLB {
		policy = lbPolicies[s.lb.Strategy]
		if s.lb.Strategy == "least_response_time" {
			s.lbNote("strategy least_response_time has no Envoy lb_policy; LEAST_REQUEST is used", s.lb.StrategySpan)
		}
		if s.affinity() != nil {
			policy = "RING_HASH"
		}
	}
	connect := defaultConnectTimeout
	if s.hasFT && s.ft.Timeout > 0 {
		connect = s.ft.Timeout
	}
	pairs := []g.Pair{
		g.KV("name", g.Str(s.id)),
		g.KV("type", g.Str(kind)),
		g.KV("connect_timeout", g.Str(g.ProtoDuration(connect))),
		g.KV("lb_policy", g.Str(policy)),
		g.KV("load_assignment", s.assignment()),
	}
	if cb := s.circuitBreakers(); cb != nil {
		pairs = append(pairs, g.Pair{Key: "circuit_breakers", Value: cb, Comment: "bulkhead: concurrent requests to the whole cluster"})
	}
	if od := s.outlier(); od != nil {
		pairs = append(pairs, g.Pair{Key: "outlier_detection", Value: od, Comment: "circuit_breaker: ejects one host after consecutive 5xx (Envoy has no service-wide breaker)"})
	}
	if hc := s.healthChecks(); hc != nil {
		pairs = append(pairs, g.KV("health_checks", hc))
	}
	return g.Map(pairs...)
}

// assignment lists the endpoints: primaries at priority 0, backups at 1
// (Envoy sends traffic to priority 1 only when priority 0 is unhealthy).
func (s *gen) assignment() *yaml.Node {
	var primary, backup []*yaml.Node
	for _, srv := range s.servers {
		ep := g.Map(
			g.KV("endpoint", g.Map(g.KV("address", socket(upstream.Host(srv.Host), srv.Port)))),
			g.KV("load_balancing_weight", g.Int(int64(srv.Weight))),
		)
		if srv.Backup {
			backup = append(backup, ep)
		} else {
			primary = append(primary, ep)
		}
		if srv.MaxFails >= 0 || srv.FailTimeout > 0 {
			s.lbNote("server "+srv.Address()+": max_fails/fail_timeout per server have no Envoy equivalent (outlier_detection is per cluster); not generated", srv.Span)
		}
	}
	groups := []*yaml.Node{}
	if len(primary) > 0 {
		groups = append(groups, g.Map(g.KV("lb_endpoints", g.Seq(primary...))))
	}
	if len(backup) > 0 {
		groups = append(groups, g.Map(g.KV("priority", g.Int(1)), g.KV("lb_endpoints", g.Seq(backup...))))
	}
	return g.Map(g.KV("cluster_name", g.Str(s.id)), g.KV("endpoints", g.Seq(groups...)))
}

func (s *gen) circuitBreakers() *yaml.Node {
	if !s.hasFT || s.ft.Bulkhead == nil {
		return nil
	}
	t := []g.Pair{g.KV("max_requests", g.Int(int64(s.ft.Bulkhead.MaxConcurrent)))}
	if s.ft.Retry != nil {
		t = append(t, g.KV("max_retries", g.Int(int64(max(s.ft.Bulkhead.MaxConcurrent, 1)))))
	}
	if s.ft.Bulkhead.MaxWait > 0 {
		s.ftNote("bulkhead.max_wait_duration has no Envoy equivalent (max_pending_requests is a count); not generated", "bulkhead", "max_wait_duration")
	}
	return g.Map(g.KV("thresholds", g.Seq(g.Map(t...))))
}

func (s *gen) outlier() *yaml.Node {
	if !s.hasFT || s.ft.Breaker == nil {
		return nil
	}
	b := s.ft.Breaker
	var p []g.Pair
	if b.Count > 0 {
		p = append(p, g.KV("consecutive_5xx", g.Int(int64(b.Count))))
	}
	if b.ResetTimeout > 0 {
		p = append(p, g.KV("base_ejection_time", g.Str(g.ProtoDuration(b.ResetTimeout))))
	}
	if len(p) == 0 {
		return nil
	}
	return g.Map(p...)
}

func (s *gen) healthChecks() *yaml.Node {
	if !s.hasLB || s.lb.Health == nil {
		return nil
	}
	h := s.lb.Health
	interval, timeout, healthy, unhealthy := h.Interval, h.Timeout, h.Healthy, h.Unhealthy
	var defaulted []string
	if interval == 0 {
		interval, defaulted = 10*time.Second, append(defaulted, "interval 10s")
	}
	if timeout == 0 {
		timeout, defaulted = time.Second, append(defaulted, "timeout 1s")
	}
	if healthy == 0 {
		healthy, defaulted = 1, append(defaulted, "healthy_threshold 1")
	}
	if unhealthy == 0 {
		unhealthy, defaulted = 3, append(defaulted, "unhealthy_threshold 3")
	}
	if len(defaulted) > 0 {
		s.lbNote("health_check: Envoy requires every setting; dpls defaults used for "+joinWords(defaulted), h.Span)
	}
	pairs := []g.Pair{
		g.KV("timeout", g.Str(g.ProtoDuration(timeout))),
		g.KV("interval", g.Str(g.ProtoDuration(interval))),
		g.KV("unhealthy_threshold", g.Int(int64(unhealthy))),
		g.KV("healthy_threshold", g.Int(int64(healthy))),
	}
	if h.Path != "" {
		hp := []g.Pair{g.KV("path", g.Str(h.Path))}
		if len(h.Expected) > 0 {
			var ranges []*yaml.Node
			for _, c := range h.Expected {
				ranges = append(ranges, g.Map(g.KV("start", g.Int(int64(c))), g.KV("end", g.Int(int64(c+1)))))
			}
			hp = append(hp, g.Pair{Key: "expected_statuses", Value: g.Seq(ranges...), Comment: "half-open ranges [start, end)"})
		}
		pairs = append(pairs, g.KV("http_health_check", g.Map(hp...)))
	} else {
		pairs = append(pairs, g.KV("tcp_health_check", g.Map()))
	}
	return g.Seq(g.Map(pairs...))
}

func (s *gen) unsupported() {
	if s.hasFT {
		if b := s.ft.Breaker; b != nil {
			if b.Percent > 0 {
				s.ftNote("circuit_breaker.failure_threshold as a percent: Envoy's failure_percentage_threshold needs a request volume per host; not generated", "circuit_breaker", "failure_threshold")
			}
			for _, k := range []string{"half_open_state", "sliding_window", "minimum_request_count", "half_open_max_calls"} {
				if _, ok := typed.Of(s.ft.Ref.Block).Member("circuit_breaker", k); ok {
					s.ftNote("circuit_breaker."+k+" has no Envoy outlier_detection equivalent; not generated", "circuit_breaker", k)
				}
			}
		}
		if s.ft.Fallback != nil {
			s.ftNote("fallback has no Envoy route equivalent in this output (a direct_response route would answer every request); not generated", "fallback")
		}
		if s.ft.RateLimiter != nil {
			s.ftNote("rate_limiter limits the caller, not the proxy; not generated (load_balancer.rate_limiting is Envoy's local_ratelimit)", "rate_limiter")
		}
	}
}

func joinWords(ws []string) string {
	out := ""
	for i, w := range ws {
		if i > 0 {
			out += ", "
		}
		out += w
	}
	return out
}
