package nginx

import (
	"math"
	"strconv"

	"github.com/dpls-dev/dpls/generators/upstream"
)

// keepalive is the number of idle upstream connections each worker keeps.
// DPL has no setting for it; reusing connections is what every nginx
// reverse proxy wants (it needs HTTP/1.1 and an empty Connection header,
// which server.conf sets).
const keepalive = 16

// upstreamConf writes the http-context part: the rate-limit zone, the
// cache for useCache, and the upstream.
func (s *gen) upstreamConf() string {
	var c conf
	if r := s.rateLimit(); r != "" {
		c.comment("rate_limiting: per client address; requests above the rate (and the burst) get 429")
		c.directive("limit_req_zone", "$binary_remote_addr", "zone="+s.id+"_req:10m", "rate="+r)
		c.blank()
	}
	if s.useCache() {
		c.comment("fallback useCache: stale responses are served while the upstream fails; the cache")
		c.comment("directory is relative to nginx's prefix (nginx -p)")
		c.directive("proxy_cache_path", "cache_"+s.id, "keys_zone="+s.id+"_cache:10m")
		c.blank()
	}
	c.open("upstream", s.id)
	hashed := s.balancing(&c)
	maxConns := s.maxConns()
	if maxConns > 0 {
		c.comment("zone: shares max_conns and max_fails state between worker processes")
		c.directive("zone", s.id, "64k")
	}
	for _, srv := range s.servers {
		c.directive("server", s.serverArgs(srv, hashed, maxConns)...)
	}
	c.comment("keepalive: idle connections kept per worker (a dpls default; DPL has no setting)")
	c.directive("keepalive", strconv.Itoa(keepalive))
	c.close()
	return c.b.String()
}

// balancing writes the balancing method and reports whether it hashes
// (nginx then refuses backup servers).
func (s *gen) balancing(c *conf) bool {
	if !s.hasLB {
		return false
	}
	if a := s.lb.Affinity; a != nil {
		if a.Cookie == "" {
			s.lbNote(a.Span, "session_affinity without cookie_name has no nginx equivalent; not generated")
		} else if !nginxVarName(a.Cookie) {
			s.lbNote(a.Span, "session_affinity cookie "+strconv.Quote(a.Cookie)+" has a '-', which nginx's $cookie_ variables cannot name; not generated")
		} else {
			if s.lb.Strategy != "round_robin" && s.lb.Strategy != "weighted_round_robin" {
				s.lbNote(s.lb.StrategySpan, "strategy "+s.lb.Strategy+" replaced by cookie hashing for session_affinity (nginx has one balancing method)")
			}
			if a.TTL > 0 {
				s.lbNote(a.Span, "session_affinity.ttl has no equivalent with cookie hashing (the application sets the cookie); `sticky cookie … expires=` needs nginx ≥ 1.29.6")
			}
			c.comment("session_affinity: requests with the same " + a.Cookie + " cookie go to the same server (nginx ≥ 1.29.6 also has `sticky cookie`)")
			c.directive("hash", "$cookie_"+a.Cookie, "consistent")
			return true
		}
	}
	switch s.lb.Strategy {
	case "least_conn", "least_connections":
		c.directive("least_conn")
	case "ip_hash":
		c.directive("ip_hash")
		return true
	case "consistent_hash":
		c.comment("consistent_hash: DPL names no key; the request URI is hashed")
		c.directive("hash", "$request_uri", "consistent")
		return true
	case "random":
		c.directive("random")
		return true
	case "least_response_time":
		s.lbNote(s.lb.StrategySpan, "strategy least_response_time needs NGINX Plus (least_time); least_conn is used")
		c.directive("least_conn")
	}
	return false
}

// nginxVarName reports whether $cookie_<c> is a variable nginx can parse.
func nginxVarName(c string) bool {
	for _, r := range c {
		if r == '-' {
			return false
		}
	}
	return true
}

// serverArgs are the arguments of one `server` line. A server's own
// max_fails/fail_timeout win over the circuit breaker's block-wide ones.
func (s *gen) serverArgs(srv upstream.Server, hashed bool, maxConns int) []string {
	args := []string{srv.Address()}
	if srv.Weight != 1 || s.hasLB && s.lb.Strategy == "weighted_round_robin" {
		args = append(args, "weight="+strconv.Itoa(srv.Weight))
	}
	fails, window := s.breaker()
	if srv.MaxFails >= 0 {
		fails = srv.MaxFails
	}
	if srv.FailTimeout > 0 {
		window = upstream.Duration(srv.FailTimeout)
	}
	if fails >= 0 {
		args = append(args, "max_fails="+strconv.Itoa(fails))
	}
	if window != "" {
		args = append(args, "fail_timeout="+window)
	}
	if maxConns > 0 {
		args = append(args, "max_conns="+strconv.Itoa(maxConns))
	}
	if srv.Backup {
		if hashed {
			s.lbNote(srv.Span, "server "+srv.Address()+" is a backup, which nginx forbids with hash, ip_hash and random balancing; generated as a primary server")
		} else {
			args = append(args, "backup")
		}
	}
	return args
}

// breaker maps the circuit breaker onto passive health checks: a count
// threshold is max_fails, reset_timeout is fail_timeout (which is both
// the counting window and how long the server stays out). -1 and "" mean
// nginx's defaults (1 and 10s).
func (s *gen) breaker() (fails int, window string) {
	fails = -1
	if !s.hasFT || s.ft.Breaker == nil {
		return fails, ""
	}
	b := s.ft.Breaker
	if b.Count > 0 {
		fails = b.Count
	}
	if b.ResetTimeout > 0 {
		window = upstream.Duration(b.ResetTimeout)
	}
	return fails, window
}

// maxConns is the bulkhead as a per-server connection cap (0: none).
func (s *gen) maxConns() int {
	if !s.hasFT || s.ft.Bulkhead == nil || s.ft.Bulkhead.MaxConcurrent < 1 {
		return 0
	}
	return s.ft.Bulkhead.MaxConcurrent
}

// rateLimit is the limit_req_zone rate: whole requests per second, or per
// minute when the rate is fractional ("0.5" → 30r/m); "" when none.
func (s *gen) rateLimit() string {
	if !s.hasLB || s.lb.RateLimit == nil {
		return ""
	}
	rps := s.lb.RateLimit.PerSecond
	if rps == math.Trunc(rps) {
		return strconv.FormatInt(int64(rps), 10) + "r/s"
	}
	perMin := math.Ceil(rps * 60)
	if perMin != rps*60 {
		s.lbNote(s.lb.RateLimit.Span, "requests_per_second "+strconv.FormatFloat(rps, 'f', -1, 64)+" rounded up to "+strconv.FormatFloat(perMin, 'f', 0, 64)+" requests per minute (nginx rates are whole numbers)")
	}
	return strconv.FormatFloat(perMin, 'f', 0, 64) + "r/m"
}

func (s *gen) useCache() bool {
	return s.hasFT && s.ft.Fallback != nil && s.ft.Fallback.Strategy == "useCache"
}
