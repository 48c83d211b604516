package schema

// This file holds load_balancer, service_discovery and the health-check
// objects they and adaptive_load_balancer share.

// lbStrategies are the balancing algorithms; both spellings of least
// connections appear in the draft.
var lbStrategies = enum("round_robin", "weighted_round_robin", "least_conn", "least_connections",
	"ip_hash", "consistent_hash", "random", "least_response_time")

// coreBlocks returns the core pattern kinds in spec order.
func coreBlocks() []*Block {
	return []*Block{faultToleranceBlock(), consistencyBlock(), loadBalancerBlock(), serviceDiscoveryBlock()}
}

// serverFields are the members of a servers[] object.
func serverFields() []*Field {
	return []*Field{
		field("host", strT, "Host name or IP address of the upstream server.", ex(`"10.0.0.1"`), required(),
			to("nginx", "server host:port", ""), to("haproxy", "server name host:port", ""),
			to("envoy", "lb_endpoints[].endpoint.address.socket_address.address", "")),
		field("port", Count{Range: Between(1, 65535, "every target")}, "TCP port of the server.",
			unit("TCP port"), ex("8080"), def("80 (nginx when omitted)"),
			to("envoy", "socket_address.port_value", "")),
		field("weight", Count{Range: AtLeast(1, "nginx")},
			"Relative share of requests; a server with weight 2 gets twice the traffic of weight 1.",
			unit("relative share"), ex("1"), def("1"),
			to("nginx", "server weight=W", ""), to("haproxy", "server weight W", ""),
			to("envoy", "lb_endpoints[].load_balancing_weight", "")),
		field("max_fails", nonNegCount,
			"Failures within `fail_timeout` that mark the server unavailable (passive health check); 0 disables failure accounting.",
			unit("failures per fail_timeout"), ex("3"), def("1 (nginx)"),
			to("nginx", "server max_fails=N", ""), to("haproxy", "fall", "")),
		field("fail_timeout", posDuration,
			"Both the window `max_fails` is counted in and how long the server then stays out.",
			ex(`"10s"`), def("10s (nginx)"),
			to("nginx", "server fail_timeout=", "")),
		field("backup", boolT,
			"Receives traffic only when every primary server is down. nginx forbids backups with hash, ip_hash and random balancing.",
			ex("true"), def("false"),
			to("nginx", "server backup", ""), to("haproxy", "server backup", "")),
	}
}

// serversField is load_balancer.servers with the "host[:port]" shorthand.
func serversField() *Field {
	return field("servers", listOf(oneOf(HostPort{}, obj(serverFields()...))),
		"Upstream servers, as objects or as `\"host[:port]\"` strings (weight 1).",
		ex(`["10.0.0.1:8080"]`), required(),
		short(&Shorthand{Literal: LitString, Means: "host", SplitPort: "port",
			Implied: map[string]string{"weight": "1"}, PerElement: true}),
		to("nginx", "upstream { server … }", ""), to("haproxy", "backend { server … }", ""),
		to("envoy", "cluster.load_assignment.endpoints[].lb_endpoints[]", ""))
}

// lbHealthCheck is load_balancer.health_check (active checks).
func lbHealthCheck() *Object {
	return obj(
		field("enabled", boolT, "Whether active health checks run. nginx OSS has passive checks only (`max_fails`).", ex("true")),
		field("interval", posDuration, "Time between checks of one server.",
			ex(`"10s"`), def("30s (AWS target groups)"),
			to("haproxy", "default-server inter", ""), to("envoy", "health_checks[].interval", "")),
		field("timeout", posDuration, "How long one check may take; keep it below `interval` (AWS rejects timeout ≥ interval).",
			ex(`"2s"`), def("6s HTTP, 10s TCP (AWS target groups)"),
			to("haproxy", "timeout check", ""), to("envoy", "health_checks[].timeout", "")),
		field("path", String{Format: "path"}, "HTTP path the check requests.", ex(`"/health"`),
			to("haproxy", "http-check send meth GET uri", ""), to("envoy", "http_health_check.path", "")),
		field("expected_status", listOf(Count{Range: Between(100, 599, "HTTP")}),
			"HTTP status codes that count as healthy.", ex("[200]"), def("200–399 (Kubernetes HTTP probes); 200 (Envoy)"),
			to("haproxy", "http-check expect rstatus", ""), to("envoy", "http_health_check.expected_statuses", "half-open ranges")),
		field("healthy_threshold", posCount, "Consecutive successes that mark a server healthy again.",
			unit("consecutive checks"), ex("2"), def("5 (AWS)"), to("haproxy", "rise", ""), to("envoy", "healthy_threshold", "")),
		field("unhealthy_threshold", posCount, "Consecutive failures that mark a server unhealthy.",
			unit("consecutive checks"), ex("3"), def("2 (AWS)"), to("haproxy", "fall", ""), to("envoy", "unhealthy_threshold", "")),
	)
}

// loadBalancerBlock is the load_balancer kind.
func loadBalancerBlock() *Block {
	return &Block{
		Kind:  "load_balancer",
		Group: GroupCore,
		Doc:   "Spreads requests over upstream servers: algorithm, servers, health checks, session affinity and rate limiting (nginx, HAProxy, Envoy, Istio).",
		Body: obj(
			field("strategy", lbStrategies,
				"Balancing algorithm. `least_response_time` needs NGINX Plus (`least_time`); `ip_hash`/`consistent_hash` keep a client on one server.",
				ex(`"round_robin"`), def("round_robin (nginx default, weighted)"),
				to("nginx", "upstream algorithm directive", ""), to("haproxy", "balance", ""),
				to("envoy", "cluster.lb_policy", ""), to("istio", "DestinationRule trafficPolicy.loadBalancer", "")),
			serversField(),
			field("health_check", lbHealthCheck(), "Active health checks of the servers.", ex(`{ path: "/health" }`)),
			field("session_affinity", obj(
				field("enabled", boolT, "Whether a client sticks to one server.", ex("true")),
				field("cookie_name", strT, "Cookie that carries the chosen server.", ex(`"session_id"`),
					to("nginx", "sticky cookie <name> (≥ 1.29.6) / hash $cookie_<name> consistent", ""),
					to("istio", "consistentHash.httpCookie.name", "")),
				field("ttl", posDuration, "Lifetime of the affinity cookie.", ex(`"30m"`), def("session cookie"),
					to("istio", "consistentHash.httpCookie.ttl", ""), to("haproxy", "cookie … maxlife", "")),
			), "Sticky sessions: keep a client on the server that served it.", ex("{ enabled: true }")),
			field("rate_limiting", obj(
				field("enabled", boolT, "Whether requests above the rate are rejected.", ex("true")),
				field("requests_per_second", Number{Range: Above(0, "nginx")}, "Sustained request rate admitted.",
					unit("req/s"), ex("100"), to("nginx", "limit_req_zone rate=Nr/s", ""),
					to("envoy", "local_ratelimit token_bucket.tokens_per_fill", "fill_interval 1s")),
				field("burst_size", nonNegCount, "Requests admitted above the rate before rejecting (nginx queues them; Envoy caps tokens at rate + burst).",
					unit("requests"), ex("50"), def("0 (nginx limit_req burst)"),
					to("nginx", "limit_req burst=B", ""), to("envoy", "token_bucket.max_tokens", "rate + burst")),
			), "Server-side request rate limit.", ex("{ requests_per_second: 100 }")),
		),
	}
}

// sdHealthCheck is service_discovery.health_check (registry checks).
func sdHealthCheck() *Object {
	return obj(
		field("interval", posDuration, "Time between checks. Consul requires it for HTTP, TCP, gRPC and script checks.",
			ex(`"10s"`), def("Eureka renewal 30s; Nacos heartbeat 5s"),
			to("consul", "checks[].interval", ""), to("eureka", "lease-renewal-interval-in-seconds", "")),
		field("timeout", posDuration, "How long one check may take; keep it below `interval`.",
			ex(`"2s"`), def("10s (Consul HTTP/TCP/gRPC); 30s (Consul script)"),
			to("consul", "checks[].timeout", "")),
		field("deregister_critical_service_after", posDuration,
			"Remove the instance after it has been critical this long. Consul's minimum is 1m and its reaper runs every 30s.",
			ex(`"1m"`), def("never (Consul); Eureka lease expiry 90s; Nacos 30s"),
			to("consul", "checks[].deregister_critical_service_after", "≥ 1m"),
			to("eureka", "lease-expiration-duration-in-seconds", "")),
		field("http", String{Format: "URL or path"}, "HTTP check target; 2xx is passing.", ex(`"/health"`), to("consul", "checks[].http", "full URL")),
		field("tcp", HostPort{PortRequired: true}, "TCP check target; a connection is passing.", ex(`"localhost:8080"`), to("consul", "checks[].tcp", "")),
		field("grpc", String{Format: "host:port[/service]"}, "gRPC health-check target.", ex(`"localhost:9090"`), to("consul", "checks[].grpc", "")),
		field("script", String{Format: "command"},
			"Command whose exit status is the health. Consul runs it only when the agent enables `enable_script_checks` or `enable_local_script_checks`.",
			ex(`"curl -f http://localhost:8080/health"`), to("consul", "checks[].args", `["sh","-c",script]`)),
	)
}

// serviceDiscoveryBlock is the service_discovery kind.
func serviceDiscoveryBlock() *Block {
	return &Block{
		Kind:  "service_discovery",
		Group: GroupCore,
		Doc:   "Registers the service with a registry (Consul, etcd, Eureka, ZooKeeper, Nacos, Kubernetes) and says how clients discover it.",
		Body: obj(
			field("registry", enum("consul", "etcd", "eureka", "zookeeper", "nacos", "kubernetes"),
				"Service registry.", ex(`"consul"`), def("consul")),
			field("service_name", strT, "Name the service registers under; defaults to the block name.",
				ex(`"payment-service"`), to("consul", "service.name", ""), to("eureka", "spring.application.name", "")),
			field("service_tags", strList, "Tags for filtering instances.", ex(`["v1"]`),
				to("consul", "service.tags", "")),
			field("health_check", sdHealthCheck(), "How the registry decides the instance is alive.", ex(`{ interval: "10s" }`)),
			field("metadata", openObj(field("<key>", strT, "A metadata value (string).")),
				"Free-form string key/values attached to the registration.", ex(`{ version: "1.0.0" }`),
				to("consul", "service.meta", "string → string"), to("eureka", "eureka.instance.metadata-map", "")),
			field("discovery", obj(
				field("refresh_interval", posDuration, "How often clients refresh their view of instances.",
					ex(`"30s"`), def("30s (Eureka registry fetch)"), to("eureka", "registry-fetch-interval-seconds", "")),
				field("cache_ttl", posDuration, "How long clients may use a cached instance list; at least `refresh_interval`.", ex(`"5m"`)),
				field("fail_fast", boolT, "Fail at startup when the registry is unreachable instead of retrying.", ex("true"), def("false")),
			), "Client-side discovery settings.", ex(`{ refresh_interval: "30s" }`)),
		),
	}
}
