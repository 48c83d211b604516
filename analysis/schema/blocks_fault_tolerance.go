package schema

import "time"

// This file holds fault_tolerance and the pattern field sets that
// multi_level_fault_tolerance levels reuse. Docs state the semantics
// rules.md pins, because the target libraries disagree.

// r4j prefixes a Resilience4j Spring Boot key.
func r4j(module, key string) string {
	return "resilience4j." + module + ".instances.<name>." + key
}

// retryFields are the members of a retry object.
func retryFields() []*Field {
	return []*Field{
		field("max_attempts", Count{Range: AtLeast(1, "Resilience4j")},
			"Total number of calls **including the first one**: `max_attempts: 3` is one call and two retries. "+
				"Targets that count retries only (Istio `attempts`, Envoy `num_retries`, HAProxy `retries`, Kafka `retries`, Polly) get `max_attempts − 1`. "+
				"gRPC clients cap attempts at 5.",
			unit("attempts incl. first call"), ex("3"),
			def("3 (Resilience4j; failsafe-go 2 retries = 3 attempts; Polly 3 retries = 4 attempts)"),
			toDef("resilience4j", r4j("retry", "maxAttempts"), "", "3"),
			to("istio", "VirtualService http[].retries.attempts", "max_attempts − 1"),
			toDef("envoy", "route.retry_policy.num_retries", "max_attempts − 1", "1"),
			to("grpc", "methodConfig[].retryPolicy.maxAttempts", "2..5"),
			to("failsafe-go", "retrypolicy.Builder.WithMaxAttempts(n)", ""),
			to("nginx", "proxy_next_upstream_tries", "max_attempts"),
			to("haproxy", "retries", "max_attempts − 1"),
			to("cockatiel", "retry(handleAll, {maxAttempts})", "max_attempts − 1")),
		field("backoff", enum("fixed", "exponential", "exponential_jitter", "linear"),
			"How the wait between attempts grows. Wait k (k = 1…max_attempts−1) is `initial_delay` (fixed), "+
				"`k × initial_delay` (linear) or `min(initial_delay × multiplier^(k−1), max_delay)` (exponential); "+
				"`exponential_jitter` randomizes that bound (Resilience4j: × [0.5, 1.5]).",
			ex(`"exponential_jitter"`), def("fixed (Resilience4j fixed 500ms; Polly Constant)"),
			to("resilience4j", r4j("retry", "enableExponentialBackoff"), "exponential"),
			to("resilience4j", r4j("retry", "enableRandomizedWait"), "exponential_jitter"),
			to("failsafe-go", "WithBackoff / WithJitterFactor", "")),
		field("initial_delay", Duration{Range: AtLeast(0, ""), Unit: "ms"},
			"Wait before the first retry; later waits grow from it according to `backoff`.",
			unit("ms"), ex(`"100ms"`), def("500ms (Resilience4j); 2s (Polly); 0 (failsafe-go)"),
			toDef("resilience4j", r4j("retry", "waitDuration"), "", "500ms"),
			toDef("istio", "VirtualService http[].retries.backoff", "base only", "25ms"),
			to("envoy", "retry_policy.retry_back_off.base_interval", ""),
			to("grpc", "retryPolicy.initialBackoff", "protobuf seconds, e.g. \"0.1s\"")),
		field("max_delay", Duration{Range: AtLeast(0, ""), Unit: "ms"},
			"Cap on any single wait. Without it exponential backoff is uncapped: attempt n waits initial_delay × multiplier^(n−1).",
			unit("ms"), ex(`"1s"`), def("none (uncapped)"),
			to("resilience4j", r4j("retry", "exponentialMaxWaitDuration"), ""),
			toDef("envoy", "retry_policy.retry_back_off.max_interval", "", "10 × base_interval"),
			to("grpc", "retryPolicy.maxBackoff", "required by gRPC")),
		field("multiplier", Number{Range: AtLeast(1, "Resilience4j")},
			"Growth factor of exponential backoff; 1 makes every wait equal to `initial_delay`.",
			unit("factor"), ex("2.0"), def("1.5 (Resilience4j); 2 (failsafe-go)"),
			toDef("resilience4j", r4j("retry", "exponentialBackoffMultiplier"), "", "1.5"),
			to("grpc", "retryPolicy.backoffMultiplier", "required by gRPC"),
			to("failsafe-go", "WithBackoffFactor(delay, max, factor)", "")),
		field("retry_on", listOf(strT),
			"Status names that trigger a retry (HTTP `503`, `gateway-error`, gRPC `UNAVAILABLE`). gRPC requires a non-empty list.",
			ex(`["UNAVAILABLE"]`), def("Istio: connect-failure,refused-stream,unavailable,cancelled"),
			to("istio", "VirtualService http[].retries.retryOn", "comma-joined"),
			to("envoy", "retry_policy.retry_on", ""),
			to("grpc", "retryPolicy.retryableStatusCodes", "required, non-empty"),
			to("haproxy", "retry-on", "")),
	}
}

// retryField is the fault_tolerance/transaction retry member with its
// `retry: 5` shorthand.
func retryField(doc string, fields []*Field) *Field {
	return field("retry", oneOf(Count{Range: AtLeast(1, "Resilience4j")}, obj(fields...)), doc,
		ex("{ max_attempts: 3 }"),
		short(&Shorthand{Literal: LitNumber, Means: "max_attempts"}))
}

// timeoutField is the per-attempt timeout.
func timeoutField() *Field {
	return field("timeout", posDuration,
		"Bounds **one attempt**, not the whole call: retries and backoff come on top (see `total_timeout`). "+
			"Resilience4j's aspect order puts the TimeLimiter inside the Retry.",
		unit("per attempt"), ex(`"2s"`),
		def("1s (Resilience4j TimeLimiter); 1000ms (Hystrix); 10s (opossum); 30s (Polly)"),
		toDef("resilience4j", r4j("timelimiter", "timeoutDuration"), "async calls only; else HTTP read timeout", "1s"),
		to("istio", "VirtualService http[].retries.perTryTimeout", ""),
		to("envoy", "route.retry_policy.per_try_timeout", ""),
		toDef("hystrix", "execution.isolation.thread.timeoutInMilliseconds", "ms", "1000"),
		to("failsafe-go", "timeout.New[R](d)", ""),
		toDef("opossum", "timeout", "ms", "10000"),
		to("nginx", "proxy_read_timeout", ""))
}

// circuitBreakerFields are the members of a circuit_breaker object.
func circuitBreakerFields() []*Field {
	return []*Field{
		field("failure_threshold", oneOf(Count{Range: AtLeast(1, "failsafe-go")}, Percent{Range: AboveUpTo(0, 100, "Resilience4j")}),
			"When the breaker opens. A **count** means that many *consecutive* failures (failsafe-go `WithFailureThreshold`); "+
				"a **percent** (`\"50%\"`) means the failure rate over `sliding_window` (Resilience4j, Hystrix, opossum). "+
				"Rates are never written as 0.5.",
			unit("consecutive failures, or % of window"), ex(`"50%"`),
			def("50% (Resilience4j, Hystrix, opossum); 10% (Polly); 1 failure (failsafe-go)"),
			toDef("resilience4j", r4j("circuitbreaker", "failureRateThreshold"), "percent; a count becomes COUNT_BASED window N, minimumNumberOfCalls N, 100%", "50"),
			toDef("hystrix", "circuitBreaker.errorThresholdPercentage", "percent only", "50"),
			to("failsafe-go", "WithFailureThreshold(n) / WithFailureRateThreshold(ratio, minExecs, period)", "percent ÷ 100"),
			toDef("istio", "DestinationRule trafficPolicy.outlierDetection.consecutive5xxErrors", "count, per host", "5"),
			to("envoy", "cluster.outlier_detection.consecutive_5xx", "count, per host"),
			to("nginx", "server max_fails=N", "count, per server"),
			toDef("opossum", "errorThresholdPercentage", "percent only", "50")),
		field("reset_timeout", Duration{Range: AtLeast(ms(time.Millisecond), "Resilience4j")},
			"How long the breaker stays open before letting trial calls through (half-open).",
			unit("open → half-open wait"), ex(`"30s"`),
			def("60s (Resilience4j); 5s (Hystrix, Polly); 30s (opossum); 1m (failsafe-go)"),
			toDef("resilience4j", r4j("circuitbreaker", "waitDurationInOpenState"), "", "60s"),
			toDef("hystrix", "circuitBreaker.sleepWindowInMilliseconds", "ms", "5000"),
			to("failsafe-go", "WithDelay(d)", ""),
			to("istio", "DestinationRule outlierDetection.baseEjectionTime", "× ejection count"),
			to("envoy", "outlier_detection.base_ejection_time", ""),
			to("nginx", "server fail_timeout=", "also the counting window"),
			toDef("opossum", "resetTimeout", "ms", "30000")),
		field("half_open_state", boolT,
			"Whether the breaker probes with trial calls after `reset_timeout`. Every library has a half-open state, so `false` cannot be generated faithfully.",
			ex("true"), def("true; Resilience4j moves to half-open lazily unless automatic transition is enabled"),
			to("resilience4j", r4j("circuitbreaker", "automaticTransitionFromOpenToHalfOpenEnabled"), "closest")),
		field("sliding_window", oneOf(Count{Range: AtLeast(1, "Resilience4j")}, Duration{Range: AtLeast(ms(time.Second), "Resilience4j")}),
			"Window the failure rate is measured over: a **count** is the last N calls (COUNT_BASED), a **duration** a time window in whole seconds (TIME_BASED).",
			unit("calls, or whole seconds"), ex(`"10s"`),
			def("100 calls (Resilience4j); 10s in 10 buckets (Hystrix, opossum); 30s (Polly)"),
			toDef("resilience4j", r4j("circuitbreaker", "slidingWindowSize"), "with slidingWindowType COUNT_BASED/TIME_BASED (seconds)", "100"),
			toDef("hystrix", "metrics.rollingStats.timeInMilliseconds", "ms", "10000"),
			to("opossum", "rollingCountTimeout", "ms"),
			to("failsafe-go", "period argument", "")),
		field("minimum_request_count", Count{Range: AtLeast(1, "Resilience4j")},
			"Calls needed in the window before the failure rate is evaluated.",
			unit("calls per window"), ex("10"), def("100 (Resilience4j, Polly); 20 (Hystrix); 0 (opossum)"),
			toDef("resilience4j", r4j("circuitbreaker", "minimumNumberOfCalls"), "", "100"),
			toDef("hystrix", "circuitBreaker.requestVolumeThreshold", "", "20"),
			to("opossum", "volumeThreshold", "")),
		field("half_open_max_calls", Count{Range: AtLeast(1, "Resilience4j")},
			"Trial calls permitted while half-open; their outcome closes or reopens the breaker.",
			unit("calls"), ex("3"), def("10 (Resilience4j); 1 (Hystrix, opossum)"),
			toDef("resilience4j", r4j("circuitbreaker", "permittedNumberOfCallsInHalfOpenState"), "", "10"),
			to("failsafe-go", "WithSuccessThreshold(n)", ""),
			to("gobreaker", "MaxRequests", "0 means 1")),
	}
}

// fallbackStrategy is the enum of fallback strategies.
var fallbackStrategy = enum("useCache", "returnEmpty", "returnDefault", "failFast", "custom")

// fallbackFields are the members of a fallback object.
func fallbackFields() []*Field {
	return []*Field{
		field("strategy", fallbackStrategy,
			"What the caller gets when the call fails: a cached value, an empty result, `default_response`, the error at once, or custom code. "+
				"Only application libraries run code; proxies can return a static body, nginx can serve stale cache.",
			ex(`"useCache"`), def("none"),
			to("resilience4j", "fallbackMethod attribute", ""),
			to("nginx", "proxy_cache_use_stale / error_page", "useCache / returnDefault"),
			to("failsafe-go", "fallback.NewWithResult / NewWithFunc", "")),
		field("cache_ttl", posDuration,
			"How long a cached response may be served by `useCache`.",
			unit("—"), ex(`"5m"`), def("none"),
			to("opossum", "cacheTTL", "ms")),
		field("default_response", openObj(field("<key>", Any{}, "Any member of the response returned by `returnDefault`.")),
			"Static response body for `returnDefault`, passed through to the generated code.",
			ex(`{ status: "degraded" }`)),
	}
}

// fallbackField is the fallback member with its string shorthand.
func fallbackField() *Field {
	return field("fallback", oneOf(fallbackStrategy, obj(fallbackFields()...)),
		"What to return when every attempt failed or the breaker is open. `fallback: \"returnEmpty\"` is short for `{ strategy: \"returnEmpty\" }`.",
		ex(`{ strategy: "useCache" }`),
		short(&Shorthand{Literal: LitString, Means: "strategy"}))
}

// bulkheadFields are the members of a bulkhead object.
func bulkheadFields() []*Field {
	return []*Field{
		field("max_concurrent_calls", Count{Range: AtLeast(0, "Resilience4j")},
			"Calls allowed in flight at once; more wait up to `max_wait_duration`, then fail. 0 rejects every call, so use ≥ 1. "+
				"By Little's law C calls at latency L admit at most C / L req/s.",
			unit("concurrent calls"), ex("10"), def("25 (Resilience4j); 10 (Hystrix semaphore)"),
			toDef("resilience4j", "resilience4j.bulkhead.instances.<name>.maxConcurrentCalls", "", "25"),
			to("istio", "DestinationRule connectionPool.http.http2MaxRequests", ""),
			to("envoy", "circuit_breakers.thresholds[].max_requests", ""),
			to("nginx", "server max_conns=N", ""),
			to("haproxy", "server maxconn N", ""),
			to("failsafe-go", "bulkhead.NewBuilder[R](n)", "")),
		field("max_wait_duration", nonNegDur,
			"How long a call waits for a free slot before it is rejected; 0 rejects at once (recommended on event loops).",
			unit("wait for a permit"), ex(`"1s"`), def("0 (Resilience4j)"),
			toDef("resilience4j", "resilience4j.bulkhead.instances.<name>.maxWaitDuration", "", "0"),
			to("failsafe-go", "WithMaxWaitTime(d)", ""),
			to("haproxy", "timeout queue", "")),
	}
}

// rateLimiterFields are the members of a rate_limiter object.
func rateLimiterFields() []*Field {
	return []*Field{
		field("limit_for_period", Count{Range: AtLeast(1, "Resilience4j")},
			"Permits granted per `limit_refresh_period`.",
			unit("permits per period"), ex("50"), def("50 (Resilience4j)"),
			toDef("resilience4j", "resilience4j.ratelimiter.instances.<name>.limitForPeriod", "", "50"),
			to("failsafe-go", "ratelimiter.NewBursty(n, period)", "")),
		field("limit_refresh_period", Duration{Range: Above(0, "Resilience4j")},
			"Length of one rate-limit period; permits reset at its end.",
			ex(`"1s"`), def("500ns (Resilience4j builder)"),
			toDef("resilience4j", "resilience4j.ratelimiter.instances.<name>.limitRefreshPeriod", "", "500ns")),
		field("timeout", nonNegDur,
			"How long a call waits for a permit. It adds to every attempt's worst case: W = N·(timeout + this) + waits.",
			unit("wait for a permit"), ex(`"0s"`), def("5s (Resilience4j)"),
			toDef("resilience4j", "resilience4j.ratelimiter.instances.<name>.timeoutDuration", "", "5s"),
			to("failsafe-go", "WithMaxWaitTime(d)", "")),
	}
}

// faultToleranceBlock is the fault_tolerance kind.
func faultToleranceBlock() *Block {
	return &Block{
		Kind:  "fault_tolerance",
		Group: GroupCore,
		Doc: "Retry, timeout, circuit breaker, fallback, bulkhead and rate limiter for calls made by the named service. " +
			"Worst-case latency is W = max_attempts × (timeout + rate-limiter wait) + the sum of backoff waits.",
		Body: obj(
			retryField("Retry policy. `retry: 5` is short for `{ max_attempts: 5 }`; max_attempts counts the first call.", retryFields()),
			timeoutField(),
			field("total_timeout", posDuration,
				"Optional deadline for the whole call, retries and backoff included. When absent, generators that need one emit the computed worst case.",
				unit("whole call"), ex(`"5s"`), def("none (worst case W)"),
				to("istio", "VirtualService http[].timeout", ""),
				to("envoy", "route.timeout", ""),
				to("grpc", "methodConfig[].timeout", ""),
				to("nginx", "proxy_next_upstream_timeout", "")),
			field("circuit_breaker", obj(circuitBreakerFields()...),
				"Stops calling a failing dependency for `reset_timeout` once `failure_threshold` is reached. "+
					"Istio/Envoy have only per-host outlier ejection, not a service-wide breaker.",
				ex("{ failure_threshold: \"50%\" }")),
			fallbackField(),
			field("bulkhead", obj(bulkheadFields()...),
				"Caps concurrent calls so one slow dependency cannot exhaust the caller's threads or connections.",
				ex("{ max_concurrent_calls: 10 }")),
			field("rate_limiter", obj(rateLimiterFields()...),
				"Client-side rate limit: `limit_for_period` permits every `limit_refresh_period`.",
				ex("{ limit_for_period: 50 }")),
		),
	}
}
