package nginx

import (
	"strconv"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/generators/upstream"
)

// maxConnectTimeout is the longest proxy_connect_timeout nginx honours
// ("usually cannot exceed 75 seconds", nginx documentation).
const maxConnectTimeout = 75 * time.Second

// serverConf writes the server-context part: `location /` proxying to the
// upstream with the retry, timeout and rate-limit settings, and the named
// fallback location.
func (s *gen) serverConf() string {
	var c conf
	c.open("location", "/")
	if s.hasLB && s.lb.RateLimit != nil {
		args := []string{"zone=" + s.id + "_req"}
		if b := s.lb.RateLimit.Burst; b > 0 {
			args = append(args, "burst="+strconv.Itoa(b), "nodelay")
		}
		c.directive("limit_req", args...)
		c.directive("limit_req_status", "429")
	}
	c.directive("proxy_pass", "http://"+s.id)
	c.directive("proxy_http_version", "1.1")
	c.directive("proxy_set_header", "Connection", `""`)
	c.directive("proxy_set_header", "Host", "$host")
	s.timeouts(&c)
	s.retries(&c)
	fallback := s.fallback(&c)
	c.close()
	if fallback != nil {
		c.blank()
		fallback(&c)
	}
	s.unsupported()
	return c.b.String()
}

// timeouts maps the per-attempt timeout onto nginx's per-operation ones.
func (s *gen) timeouts(c *conf) {
	if !s.hasFT || s.ft.Timeout == 0 {
		return
	}
	t := s.ft.Timeout
	c.comment("timeout " + upstream.Duration(t) + " per attempt: nginx bounds each operation (connect, each write, each read) rather than the whole attempt")
	connect := t
	if connect > maxConnectTimeout {
		connect = maxConnectTimeout
		s.ftNote("timeout above 75s: proxy_connect_timeout is capped at 75s (nginx's limit)", "timeout")
	}
	c.directive("proxy_connect_timeout", upstream.Duration(connect))
	c.directive("proxy_send_timeout", upstream.Duration(t))
	c.directive("proxy_read_timeout", upstream.Duration(t))
}

// retries maps retry onto proxy_next_upstream: tries counts every try, the
// first included, as max_attempts does. The whole call is bounded by
// total_timeout, or by the policy's worst case W when it has none.
func (s *gen) retries(c *conf) {
	if !s.hasFT {
		c.comment("no fault_tolerance declared: nginx's defaults apply (next server on error or timeout)")
		return
	}
	r := s.ft.Retry
	if r == nil {
		c.comment("no retry declared: a failed request is not passed to another server")
		c.directive("proxy_next_upstream", "off")
		return
	}
	conds := s.conditions()
	c.comment("retry: " + strconv.Itoa(r.MaxAttempts) + " tries in all (max_attempts counts the first); only idempotent requests are retried")
	c.directive("proxy_next_upstream", conds...)
	c.directive("proxy_next_upstream_tries", strconv.Itoa(r.MaxAttempts))
	switch {
	case s.ft.TotalTimeout > 0:
		c.directive("proxy_next_upstream_timeout", upstream.Duration(s.ft.TotalTimeout))
	case r.Timeout > 0:
		w := schema.WorstCase(*r)
		c.comment("no total_timeout: the retry policy's worst case W bounds the retries")
		c.directive("proxy_next_upstream_timeout", upstream.Duration(w.Total))
	}
	if r.InitialDelay > 0 && s.ft.Declared("retry", "initial_delay") {
		s.ftNote("retry.initial_delay has no nginx equivalent (nginx retries at once on the next server); not generated", "retry", "initial_delay")
	}
	for _, k := range []string{"backoff", "max_delay", "multiplier"} {
		if s.ft.Declared("retry", k) {
			s.ftNote("retry."+k+" has no nginx equivalent (nginx retries at once on the next server); not generated", "retry", k)
		}
	}
}

// httpConditions are the proxy_next_upstream conditions a retry_on status
// may name.
var httpConditions = map[string][]string{
	"500": {"http_500"}, "502": {"http_502"}, "503": {"http_503"}, "504": {"http_504"},
	"403": {"http_403"}, "404": {"http_404"}, "429": {"http_429"},
	"5xx": {"http_500", "http_502", "http_503", "http_504"}, "gateway-error": {"http_502", "http_503", "http_504"},
	"connect-failure": {"error"}, "reset": {"error"}, "refused-stream": {"error"}, "timeout": {"timeout"},
}

// conditions are the proxy_next_upstream conditions: connection errors and
// timeouts always, then retry_on's statuses (502, 503 and 504 when it is
// absent).
func (s *gen) conditions() []string {
	out := []string{"error", "timeout"}
	seen := map[string]bool{"error": true, "timeout": true}
	on := s.ft.RetryOn
	if len(on) == 0 {
		on = []string{"502", "503", "504"}
	}
	for _, st := range on {
		conds, ok := httpConditions[strings.ToLower(st)]
		if !ok {
			s.ftNote("retry.retry_on "+strconv.Quote(st)+" has no proxy_next_upstream condition; not generated", "retry", "retry_on")
			continue
		}
		for _, c := range conds {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// fallback maps fallback onto nginx: useCache serves stale cache,
// returnDefault/returnEmpty answer from a named location. It returns the
// writer of that location, if any.
func (s *gen) fallback(c *conf) func(*conf) {
	if !s.hasFT || s.ft.Fallback == nil {
		return nil
	}
	f := s.ft.Fallback
	loc := "@" + s.id + "_fallback"
	switch f.Strategy {
	case "useCache":
		c.directive("proxy_cache", s.id+"_cache")
		ttl := "5m"
		if f.CacheTTL > 0 {
			ttl = upstream.Duration(f.CacheTTL)
		} else {
			c.comment("fallback.cache_ttl not declared: cached responses are kept 5m (a dpls default)")
		}
		c.directive("proxy_cache_valid", "200", ttl)
		c.directive("proxy_cache_use_stale", "error", "timeout", "http_500", "http_502", "http_503", "http_504")
		return nil
	case "returnDefault", "returnEmpty":
		c.comment("fallback " + f.Strategy + ": answered by " + loc + " when every server failed")
		c.directive("proxy_intercept_errors", "on")
		c.directive("error_page", "502", "503", "504", "=", loc)
		return func(c *conf) {
			c.open("location", loc)
			if f.Strategy == "returnEmpty" {
				c.directive("return", "204")
			} else {
				c.directive("default_type", "application/json")
				c.directive("return", "200", quote(jsonBody(f.Default)))
			}
			c.close()
		}
	case "failFast":
		c.comment("fallback failFast: the error goes back to the client at once (nginx's behaviour)")
	default:
		s.ftNote("fallback strategy "+f.Strategy+" runs application code, which nginx cannot; not generated", "fallback")
	}
	return nil
}

// unsupported notes the fault_tolerance and load_balancer settings nginx
// OSS has no directive for.
func (s *gen) unsupported() {
	if s.hasFT {
		if b := s.ft.Breaker; b != nil {
			if b.Percent > 0 {
				s.ftNote("circuit_breaker.failure_threshold as a percent has no nginx equivalent (max_fails counts failures per server); not generated", "circuit_breaker", "failure_threshold")
			}
			for _, k := range []string{"half_open_state", "sliding_window", "minimum_request_count", "half_open_max_calls"} {
				if s.ft.Declared("circuit_breaker", k) {
					s.ftNote("circuit_breaker."+k+" has no nginx equivalent (fail_timeout is both the window and the ejection time); not generated", "circuit_breaker", k)
				}
			}
		}
		if bh := s.ft.Bulkhead; bh != nil {
			if bh.MaxConcurrent > 0 {
				s.ftNote("bulkhead.max_concurrent_calls is applied per server (max_conns), not across the service", "bulkhead", "max_concurrent_calls")
			}
			if s.ft.Declared("bulkhead", "max_wait_duration") {
				s.ftNote("bulkhead.max_wait_duration needs NGINX Plus (queue); not generated", "bulkhead", "max_wait_duration")
			}
		}
		if s.ft.RateLimiter != nil {
			s.ftNote("rate_limiter limits the caller, not the proxy; not generated (load_balancer.rate_limiting is nginx's limit_req)", "rate_limiter")
		}
		if f := s.ft.Fallback; f != nil && f.Strategy != "useCache" && s.ft.Declared("fallback", "cache_ttl") {
			s.ftNote("fallback.cache_ttl applies to useCache only; not generated", "fallback", "cache_ttl")
		}
	}
	if s.hasLB && s.lb.Health != nil {
		s.lbNote(s.lb.Health.Span, "health_check: active health checks need NGINX Plus; nginx OSS checks passively (max_fails, fail_timeout)")
	}
}
