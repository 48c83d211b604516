package spring

import (
	"fmt"
	"math"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
)

// applicationYAML writes application.yml: the Resilience4j (or Hystrix)
// instances and the load balancer settings.
func (s *gen) applicationYAML() (g.File, error) {
	var pairs []g.Pair
	if s.hasPol {
		if s.hystrix {
			pairs = append(pairs, g.KV("hystrix", s.hystrixYAML()))
		} else {
			pairs = append(pairs, g.KV("resilience4j", s.r4jYAML()))
		}
	}
	if s.lb != nil {
		pairs = append(pairs, g.KV("spring", s.lb.yaml()))
	}
	if len(pairs) > 0 && len(s.comments) > 0 {
		pairs[0].Comment = "Notes on the DPL settings:\n  - " + strings.Join(s.comments, "\n  - ")
	}
	doc := g.Map(pairs...)
	if len(pairs) == 0 {
		doc = g.Map(g.Pair{Key: "spring", Value: g.Map(g.KV("application", g.Map(g.KV("name", g.Str(s.svc.Name)))))})
	}
	f, err := g.YAMLFile(s.resourcePath("application.yml"), s.target, s.sources, doc)
	if err != nil {
		return g.File{}, fmt.Errorf("application.yml: %w", err)
	}
	return f, nil
}

// instance wraps settings as <module>.instances.<Name>.
func (s *gen) instance(settings ...g.Pair) *yaml.Node {
	return g.Map(g.KV("instances", g.Map(g.KV(s.svc.Name, g.Map(settings...)))))
}

func dur(d time.Duration) *yaml.Node { return g.Str(g.SingleUnit(d)) }

// r4jYAML maps fault_tolerance onto Resilience4j's Spring Boot properties.
func (s *gen) r4jYAML() *yaml.Node {
	p := s.pol
	var modules []g.Pair
	if b := p.Breaker; b != nil {
		modules = append(modules, g.KV("circuitbreaker", s.instance(s.r4jBreaker(b)...)))
	}
	if r := p.Retry; r != nil {
		set := []g.Pair{g.KV("maxAttempts", g.Int(int64(r.MaxAttempts))), g.KV("waitDuration", dur(r.InitialDelay))}
		switch r.Backoff {
		case "exponential", "exponential_jitter":
			set = append(set, g.KV("enableExponentialBackoff", g.Bool(true)), g.KV("exponentialBackoffMultiplier", g.Float(r.Multiplier)))
			if r.MaxDelay > 0 {
				set = append(set, g.KV("exponentialMaxWaitDuration", dur(r.MaxDelay)))
			}
			if r.Backoff == "exponential_jitter" {
				s.polNote("fault_tolerance.retry.backoff exponential_jitter: Resilience4j's properties cannot combine randomized waits with exponential backoff; exponential generated without jitter", "retry", "backoff")
			}
		case "linear":
			s.polNote("fault_tolerance.retry.backoff linear has no Resilience4j property (waitDuration is fixed or exponential); generated as a fixed wait of initial_delay", "retry", "backoff")
		}
		if len(p.RetryOn) > 0 {
			s.polNote("fault_tolerance.retry.retry_on: Resilience4j retries on exceptions (retryExceptions), not status names; not generated", "retry", "retry_on")
		}
		modules = append(modules, g.KV("retry", s.instance(set...)))
	}
	if b := p.Bulkhead; b != nil {
		set := []g.Pair{g.KV("maxConcurrentCalls", g.Int(int64(b.MaxConcurrent)))}
		if b.MaxWait > 0 {
			set = append(set, g.KV("maxWaitDuration", dur(b.MaxWait)))
		}
		modules = append(modules, g.KV("bulkhead", s.instance(set...)))
	}
	if p.Timeout > 0 {
		modules = append(modules, g.KV("timelimiter", s.instance(
			g.KV("timeoutDuration", dur(p.Timeout)), g.KV("cancelRunningFuture", g.Bool(true)))))
	}
	if p.TotalTimeout > 0 {
		s.polNote("fault_tolerance.total_timeout has no Resilience4j property (TimeLimiter bounds one attempt); not generated", "total_timeout")
	}
	if r := p.RateLimiter; r != nil {
		var set []g.Pair
		if r.Limit > 0 {
			set = append(set, g.KV("limitForPeriod", g.Int(int64(r.Limit))))
		}
		if r.Period > 0 {
			set = append(set, g.KV("limitRefreshPeriod", dur(r.Period)))
		}
		if r.Timeout > 0 {
			set = append(set, g.KV("timeoutDuration", dur(r.Timeout)))
		}
		modules = append(modules, g.KV("ratelimiter", s.instance(set...)))
	}
	return g.Map(modules...)
}

// r4jBreaker is the circuitbreaker instance. A count N is exact as
// COUNT_BASED window N, minimumNumberOfCalls N, failureRateThreshold 100:
// it opens on N consecutive failures (targets.md §1.1, verified against
// Resilience4j 2.3.0).
func (s *gen) r4jBreaker(b *policy.Breaker) []g.Pair {
	var set []g.Pair
	switch {
	case b.Count > 0:
		set = append(set,
			g.KV("slidingWindowType", g.Str("COUNT_BASED")),
			g.KV("slidingWindowSize", g.Int(int64(b.Count))),
			g.KV("minimumNumberOfCalls", g.Int(int64(b.Count))),
			g.KV("failureRateThreshold", g.Int(100)))
		if b.WindowCalls > 0 || b.WindowTime > 0 {
			s.polNote("fault_tolerance.circuit_breaker.sliding_window with a count failure_threshold: Resilience4j counts rates, so the threshold is generated as that many consecutive failures", "circuit_breaker", "sliding_window")
		}
		if b.MinCalls > 0 {
			s.polNote("fault_tolerance.circuit_breaker.minimum_request_count: a count threshold N sets minimumNumberOfCalls to N; not generated", "circuit_breaker", "minimum_request_count")
		}
	default:
		if b.Percent > 0 {
			set = append(set, g.KV("failureRateThreshold", g.Float(b.Percent)))
		}
		switch {
		case b.WindowTime > 0:
			secs := g.Seconds(b.WindowTime)
			if b.WindowTime%time.Second != 0 {
				s.polNote(fmt.Sprintf("fault_tolerance.circuit_breaker.sliding_window: TIME_BASED windows are whole seconds; rounded up to %ds", secs), "circuit_breaker", "sliding_window")
			}
			set = append(set, g.KV("slidingWindowType", g.Str("TIME_BASED")), g.KV("slidingWindowSize", g.Int(secs)))
		case b.WindowCalls > 0:
			set = append(set, g.KV("slidingWindowType", g.Str("COUNT_BASED")), g.KV("slidingWindowSize", g.Int(int64(b.WindowCalls))))
		}
		if b.MinCalls > 0 {
			set = append(set, g.KV("minimumNumberOfCalls", g.Int(int64(b.MinCalls))))
		}
	}
	if b.ResetTimeout > 0 {
		set = append(set, g.KV("waitDurationInOpenState", dur(b.ResetTimeout)))
	}
	if b.HalfOpenCalls > 0 {
		set = append(set, g.KV("permittedNumberOfCallsInHalfOpenState", g.Int(int64(b.HalfOpenCalls))))
	}
	if b.NoHalfOpen {
		s.polNote("fault_tolerance.circuit_breaker.half_open_state false cannot be generated: Resilience4j always half-opens after waitDurationInOpenState", "circuit_breaker", "half_open_state")
	} else {
		set = append(set, g.KV("automaticTransitionFromOpenToHalfOpenEnabled", g.Bool(true)))
	}
	return set
}

// hystrixYAML maps fault_tolerance onto hystrix.command.<Name>. Hystrix
// knows only a failure percentage over a minimum volume: a percent is
// errorThresholdPercentage; a count N becomes errorThresholdPercentage 100
// over requestVolumeThreshold N (Hystrix trips at ≥ the percentage), never
// requestVolumeThreshold alone, which is a minimum, not a threshold.
func (s *gen) hystrixYAML() *yaml.Node {
	p := s.pol
	var cb, exec, metrics []g.Pair
	if b := p.Breaker; b != nil {
		switch {
		case b.Count > 0:
			cb = append(cb, g.KV("errorThresholdPercentage", g.Int(100)), g.KV("requestVolumeThreshold", g.Int(int64(b.Count))))
			s.polNote(fmt.Sprintf("fault_tolerance.circuit_breaker.failure_threshold %d: Hystrix has only a percentage; generated as errorThresholdPercentage 100 over requestVolumeThreshold %d (every call of the rolling window failed)", b.Count, b.Count), "circuit_breaker", "failure_threshold")
		case b.Percent > 0:
			cb = append(cb, g.KV("errorThresholdPercentage", g.Int(int64(math.Ceil(b.Percent)))))
			if b.MinCalls > 0 {
				cb = append(cb, g.KV("requestVolumeThreshold", g.Int(int64(b.MinCalls))))
			}
		}
		if b.ResetTimeout > 0 {
			cb = append(cb, g.KV("sleepWindowInMilliseconds", g.Int(b.ResetTimeout.Milliseconds())))
		}
		if b.WindowTime > 0 {
			metrics = append(metrics, g.KV("rollingStats", g.Map(g.KV("timeInMilliseconds", g.Int(b.WindowTime.Milliseconds())))))
		} else if b.WindowCalls > 0 {
			s.polNote("fault_tolerance.circuit_breaker.sliding_window as a call count has no Hystrix equivalent (its window is time-based); not generated", "circuit_breaker", "sliding_window")
		}
		if b.HalfOpenCalls > 1 {
			s.polNote("fault_tolerance.circuit_breaker.half_open_max_calls: Hystrix allows one trial call; not generated", "circuit_breaker", "half_open_max_calls")
		}
	}
	var iso []g.Pair
	if b := p.Bulkhead; b != nil {
		iso = append(iso, g.KV("strategy", g.Str("SEMAPHORE")),
			g.KV("semaphore", g.Map(g.KV("maxConcurrentRequests", g.Int(int64(b.MaxConcurrent))))))
	}
	if p.Timeout > 0 {
		iso = append(iso, g.KV("thread", g.Map(g.KV("timeoutInMilliseconds", g.Int(p.Timeout.Milliseconds())))))
	}
	if len(iso) > 0 {
		exec = append(exec, g.KV("isolation", g.Map(iso...)))
	}
	if p.Retry != nil {
		s.polNote("fault_tolerance.retry has no Hystrix equivalent (Hystrix does not retry); not generated", "retry")
	}
	if p.RateLimiter != nil {
		s.polNote("fault_tolerance.rate_limiter has no Hystrix equivalent; not generated", "rate_limiter")
	}
	var cmd []g.Pair
	if len(exec) > 0 {
		cmd = append(cmd, g.KV("execution", g.Map(exec...)))
	}
	if len(cb) > 0 {
		cmd = append(cmd, g.KV("circuitBreaker", g.Map(cb...)))
	}
	if len(metrics) > 0 {
		cmd = append(cmd, g.KV("metrics", g.Map(metrics...)))
	}
	return g.Map(g.KV("command", g.Map(g.KV(s.svc.Name, g.Map(cmd...)))))
}
