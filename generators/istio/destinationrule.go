package istio

import (
	"gopkg.in/yaml.v3"

	g "github.com/dpls-dev/dpls/generators"
)

// destinationRule builds the DestinationRule, or nil when neither block
// declares anything it carries.
func (s *service) destinationRule() *yaml.Node {
	var comments []string
	var policy []g.Pair
	if s.ft != nil {
		pool, c := s.connectionPool()
		comments = append(comments, c...)
		policy = append(policy, g.KV("connectionPool", pool))
		od, c := s.outlierDetection()
		comments = append(comments, c...)
		policy = append(policy, g.KV("outlierDetection", od))
	}
	if s.lb != nil {
		lb, c := s.loadBalancer()
		comments = append(comments, c...)
		policy = append(policy, g.KV("loadBalancer", lb))
	}
	tp := g.Map(policy...)
	if len(tp.Content) == 0 {
		return nil
	}
	spec := g.Map(g.KV("host", g.Str(s.host)), g.KV("trafficPolicy", tp))
	return s.object("DestinationRule", spec, comments)
}

// connectionPool carries the bulkhead: Istio caps concurrent requests to
// the service, but queues by count, not by time.
func (s *service) connectionPool() (*yaml.Node, []string) {
	b := s.ft
	comments := b.noteUnmapped([]unmapped{{[]string{"bulkhead", "max_wait_duration"},
		"Istio queues pending requests by count (http1MaxPendingRequests), not by waiting time"}})
	n, _, ok := b.view.Count("bulkhead", "max_concurrent_calls")
	if !ok {
		return nil, comments
	}
	if n == 0 {
		// Istio reads 0 as "unset" (no limit), the opposite of the DSL's
		// "reject every call".
		return nil, append(comments, b.note("fault_tolerance.bulkhead.max_concurrent_calls: 0 not generated: Istio reads 0 as no limit", "bulkhead", "max_concurrent_calls"))
	}
	return g.Map(g.KV("http", g.Map(g.KV("http2MaxRequests", g.Int(n))))), comments
}

// outlierDetection is the nearest Istio has to a circuit breaker: it
// ejects single endpoints after consecutive 5xx errors.
func (s *service) outlierDetection() (*yaml.Node, []string) {
	b := s.ft
	if !b.view.Has("circuit_breaker") {
		return nil, nil
	}
	comments := b.noteUnmapped([]unmapped{
		{[]string{"circuit_breaker", "half_open_state"}, "an ejected endpoint returns after baseEjectionTime without trial calls"},
		{[]string{"circuit_breaker", "sliding_window"}, "outlierDetection.interval is the ejection sweep period, not a measuring window"},
		{[]string{"circuit_breaker", "minimum_request_count"}, "consecutive errors need no minimum volume"},
		{[]string{"circuit_breaker", "half_open_max_calls"}, "ejected endpoints return without trial calls"},
	})
	n, _, ok := b.view.Count("circuit_breaker", "failure_threshold")
	if !ok {
		if b.view.Has("circuit_breaker", "failure_threshold") {
			comments = append(comments, b.note("fault_tolerance.circuit_breaker.failure_threshold as a percent has no Istio equivalent: "+
				"outlier detection counts consecutive errors; circuit_breaker not generated", "circuit_breaker", "failure_threshold"))
		} else {
			comments = append(comments, b.note("fault_tolerance.circuit_breaker without a failure_threshold count not generated: "+
				"Istio's consecutive5xxErrors would default to 5", "circuit_breaker"))
		}
		return nil, comments
	}
	comments = append(comments, b.note("fault_tolerance.circuit_breaker becomes outlier detection: Istio ejects each endpoint after its own "+
		"consecutive 5xx errors; it never opens a service-wide breaker", "circuit_breaker"))
	pairs := []g.Pair{g.KV("consecutive5xxErrors", g.Int(n))}
	if d, _, ok := b.view.Duration("circuit_breaker", "reset_timeout"); ok {
		node, c := durationNode(b, d, "circuit_breaker", "reset_timeout")
		pairs = append(pairs, g.Pair{Key: "baseEjectionTime", Value: node, Comment: c})
	}
	return g.Map(pairs...), comments
}

// loadBalancer maps the strategy; session affinity or ip_hash become a
// consistent hash, which replaces the simple policy (they are one of).
func (s *service) loadBalancer() (*yaml.Node, []string) {
	b := s.lb
	comments := b.noteUnmapped([]unmapped{
		{[]string{"servers"}, "a DestinationRule takes its endpoints from the registry; static hosts need a ServiceEntry"},
		{[]string{"health_check"}, "use Kubernetes readiness probes; outlier detection ejects failing endpoints passively"},
		{[]string{"rate_limiting"}, "Istio has no first-class rate limit; it needs an EnvoyFilter or a gateway policy"},
	})
	strategy, _, _ := b.view.String("strategy")
	if hash, c := s.cookieHash(); hash != nil {
		comments = append(comments, c...)
		if strategy != "" && strategy != "consistent_hash" {
			comments = append(comments, b.note("load_balancer.strategy "+strategy+" gives way to the session-affinity cookie hash: "+
				"Istio takes either a simple policy or a consistent hash", "strategy"))
		}
		return g.Map(g.KV("consistentHash", hash)), comments
	}
	switch strategy {
	case "":
		return nil, comments
	case "round_robin":
		return simple("ROUND_ROBIN"), comments
	case "weighted_round_robin":
		return simple("ROUND_ROBIN"), append(comments, b.note("load_balancer.strategy weighted_round_robin: Istio weights only route destinations "+
			"or ServiceEntry endpoints, so the servers' weights are not applied; ROUND_ROBIN generated", "strategy"))
	case "least_conn", "least_connections":
		return simple("LEAST_REQUEST"), comments
	case "random":
		return simple("RANDOM"), comments
	case "ip_hash":
		return g.Map(g.KV("consistentHash", g.Map(g.KV("useSourceIp", g.Bool(true))))), comments
	case "consistent_hash":
		return g.Map(g.KV("consistentHash", g.Map(g.KV("useSourceIp", g.Bool(true))))),
			append(comments, b.note("load_balancer.strategy consistent_hash names no key: hashing on the source IP", "strategy"))
	}
	return nil, append(comments, b.note("load_balancer.strategy "+strategy+" has no Istio equivalent; Istio's default (LEAST_REQUEST) applies", "strategy"))
}

func simple(policy string) *yaml.Node { return g.Map(g.KV("simple", g.Str(policy))) }

// cookieHash is consistentHash.httpCookie from an enabled session
// affinity with a cookie name; nil otherwise.
func (s *service) cookieHash() (*yaml.Node, []string) {
	b := s.lb
	if on, _, ok := b.view.Bool("session_affinity", "enabled"); ok && !on {
		return nil, nil
	}
	cookie, _, ok := b.view.String("session_affinity", "cookie_name")
	if !ok {
		if b.view.Has("session_affinity") {
			return nil, []string{b.note("load_balancer.session_affinity without a cookie_name not generated: Istio hashes on a named cookie", "session_affinity")}
		}
		return nil, nil
	}
	pairs := []g.Pair{g.KV("name", g.Str(cookie))}
	var comments []string
	if d, _, ok := b.view.Duration("session_affinity", "ttl"); ok {
		node, c := durationNode(b, d, "session_affinity", "ttl")
		pairs = append(pairs, g.Pair{Key: "ttl", Value: node, Comment: c})
	} else {
		// Without a TTL Envoy does not create the cookie; 0s asks for a
		// session cookie, which is what an unset DSL ttl means.
		pairs = append(pairs, g.Pair{Key: "ttl", Value: g.Str("0s"), Comment: "no ttl in the DSL: a session cookie"})
	}
	return g.Map(g.KV("httpCookie", g.Map(pairs...))), comments
}
