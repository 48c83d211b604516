package gocode

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/schema"
)

// config is the generated Config's values for one service.
type config struct {
	MaxAttempts        int
	Backoff            string
	InitialDelay       time.Duration
	MaxDelay           time.Duration
	Multiplier         float64
	JitterFactor       float64
	RetryStatus        []int
	Timeout            time.Duration
	TotalTimeout       time.Duration
	FailureThreshold   int
	FailureWindowCalls int
	FailureWindow      time.Duration
	FailureRate        float64
	MinCalls           int
	ResetTimeout       time.Duration
	SuccessThreshold   int
	MaxConcurrent      int
	MaxWait            time.Duration
	RateLimit          int
	RatePeriod         time.Duration
	RateWait           time.Duration
	Fallback           string
	FallbackBody       string
	CacheTTL           time.Duration
	// comments are the notes, repeated above DefaultConfig.
	comments []string
}

// Reference defaults the breaker falls back to when the block leaves a
// value out (rules.md §3: Resilience4j's).
const (
	defaultPercent = 50
	defaultWindow  = 100
)

// config maps the fault_tolerance block onto the generated Config and
// notes what failsafe-go cannot express.
func (s *gen) config() config {
	var c config
	if !s.hasPol {
		return c
	}
	p := s.pol
	noteAt := func(msg string, path ...string) {
		s.notes = append(s.notes, p.Note(name, msg, path...))
		c.comments = append(c.comments, msg)
	}
	if r := p.Retry; r != nil {
		c.MaxAttempts = r.MaxAttempts
		c.Backoff = string(r.Backoff)
		c.InitialDelay = r.InitialDelay
		c.MaxDelay = r.MaxDelay
		c.Multiplier = r.Multiplier
		if r.Backoff == schema.BackoffExponentialJitter {
			c.JitterFactor = schema.DefaultJitterFactor
		}
		for _, on := range p.RetryOn {
			codes, ok := httpStatuses(on)
			if !ok {
				noteAt("fault_tolerance.retry.retry_on "+strconv.Quote(on)+" is not an HTTP status; net/http retries transport errors and the listed statuses only", "retry", "retry_on")
				continue
			}
			for _, code := range codes {
				if !slices.Contains(c.RetryStatus, code) {
					c.RetryStatus = append(c.RetryStatus, code)
				}
			}
		}
	}
	c.Timeout, c.TotalTimeout = p.Timeout, p.TotalTimeout
	if b := p.Breaker; b != nil {
		s.breaker(&c, noteAt)
	}
	if b := p.Bulkhead; b != nil {
		if b.MaxConcurrent == 0 {
			noteAt("fault_tolerance.bulkhead.max_concurrent_calls 0 would reject every call; no bulkhead generated", "bulkhead", "max_concurrent_calls")
		} else {
			c.MaxConcurrent, c.MaxWait = b.MaxConcurrent, b.MaxWait
		}
	}
	if r := p.RateLimiter; r != nil {
		switch {
		case r.Limit == 0 || r.Period == 0:
			noteAt("fault_tolerance.rate_limiter needs limit_for_period and limit_refresh_period; no rate limiter generated", "rate_limiter")
		default:
			c.RateLimit, c.RatePeriod, c.RateWait = r.Limit, r.Period, r.Timeout
		}
	}
	if f := p.Fallback; f != nil {
		switch f.Strategy {
		case "returnDefault":
			c.Fallback, c.FallbackBody = f.Strategy, string(f.Default)
		case "returnEmpty":
			c.Fallback = f.Strategy
		case "useCache":
			if f.CacheTTL == 0 {
				noteAt("fault_tolerance.fallback useCache needs cache_ttl (how stale a served response may be); no fallback generated", "fallback")
			} else {
				c.Fallback, c.CacheTTL = f.Strategy, f.CacheTTL
			}
		case "failFast":
			// No fallback: the failure is returned at once, as asked.
		default:
			noteAt("fault_tolerance.fallback strategy "+strconv.Quote(f.Strategy)+" is custom code; no fallback generated", "fallback")
		}
		if f.Strategy != "returnDefault" && f.DefaultSpan.Len() > 0 {
			noteAt("fault_tolerance.fallback.default_response is only used by returnDefault; not generated", "fallback", "default_response")
		}
	}
	return c
}

// breaker maps circuit_breaker: a count is consecutive failures (or N in
// the window), a percent a failure rate over a count or time window.
func (s *gen) breaker(c *config, noteAt func(string, ...string)) {
	b := s.pol.Breaker
	pct := b.Percent
	if b.Count == 0 && pct == 0 {
		pct = defaultPercent
		noteAt("fault_tolerance.circuit_breaker.failure_threshold unset: using 50% (the reference default)", "circuit_breaker")
	}
	switch {
	case b.Count > 0:
		c.FailureThreshold = b.Count
		switch {
		case b.WindowTime > 0:
			c.FailureWindow = b.WindowTime
		case b.WindowCalls > b.Count:
			c.FailureWindowCalls = b.WindowCalls
		}
		if b.MinCalls > 0 {
			noteAt("fault_tolerance.circuit_breaker.minimum_request_count has no failsafe-go equivalent for a count threshold; not generated", "circuit_breaker", "minimum_request_count")
		}
	case b.WindowTime > 0:
		c.FailureRate = pct / 100
		c.FailureWindow = b.WindowTime
		c.MinCalls = b.MinCalls
		if c.MinCalls == 0 {
			c.MinCalls = defaultWindow
			noteAt("fault_tolerance.circuit_breaker.minimum_request_count unset: the rate is evaluated after 100 calls (the reference default)", "circuit_breaker")
		}
	default:
		window := b.WindowCalls
		if window == 0 {
			window = defaultWindow
			noteAt("fault_tolerance.circuit_breaker.sliding_window unset: the rate is measured over the last 100 calls (the reference default)", "circuit_breaker")
		}
		c.FailureThreshold = int(math.Ceil(pct * float64(window) / 100))
		c.FailureWindowCalls = window
		if b.MinCalls > 0 {
			noteAt("fault_tolerance.circuit_breaker.minimum_request_count: failsafe-go's count window has no minimum; not generated", "circuit_breaker", "minimum_request_count")
		}
	}
	c.ResetTimeout = b.ResetTimeout
	// One trial call decides when half_open_max_calls is unset (Hystrix
	// and opossum's rule); failsafe-go would otherwise reuse the failure
	// thresholding, which needs a window of successes.
	c.SuccessThreshold = max(b.HalfOpenCalls, 1)
	if b.NoHalfOpen {
		noteAt("fault_tolerance.circuit_breaker.half_open_state false cannot be generated: failsafe-go always probes with trial calls after reset_timeout", "circuit_breaker", "half_open_state")
	}
}

// httpStatuses reads a retry_on entry as HTTP statuses: a code ("503")
// or Envoy's "gateway-error" (502, 503, 504).
func httpStatuses(s string) ([]int, bool) {
	if s == "gateway-error" {
		return []int{502, 503, 504}, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 || n > 599 {
		return nil, false
	}
	return []int{n}, true
}

// opensAfter is how many consecutive failing calls open the breaker.
func (c config) opensAfter() int {
	if c.FailureRate > 0 {
		return c.MinCalls
	}
	return c.FailureThreshold
}

// hasBreaker mirrors Config.CircuitBreaker's nil case.
func (c config) hasBreaker() bool { return c.FailureRate > 0 || c.FailureThreshold > 0 }

// render writes DefaultConfig's composite literal, leaving zero fields
// out.
func (c config) render() string {
	var b strings.Builder
	field := func(k, v string) { fmt.Fprintf(&b, "\t\t%s: %s,\n", k, v) }
	if c.MaxAttempts > 0 {
		field("MaxAttempts", strconv.Itoa(c.MaxAttempts))
		field("Backoff", strconv.Quote(c.Backoff))
		field("InitialDelay", goDuration(c.InitialDelay))
		if c.MaxDelay > 0 {
			field("MaxDelay", goDuration(c.MaxDelay))
		}
		field("Multiplier", goFloat(c.Multiplier))
		if c.JitterFactor > 0 {
			field("JitterFactor", goFloat(c.JitterFactor))
		}
		if len(c.RetryStatus) > 0 {
			codes := make([]string, len(c.RetryStatus))
			for i, n := range c.RetryStatus {
				codes[i] = strconv.Itoa(n)
			}
			field("RetryStatus", "[]int{"+strings.Join(codes, ", ")+"}")
		}
	}
	durs := []struct {
		k string
		d time.Duration
	}{{"Timeout", c.Timeout}, {"TotalTimeout", c.TotalTimeout}}
	for _, d := range durs {
		if d.d > 0 {
			field(d.k, goDuration(d.d))
		}
	}
	ints := []struct {
		k string
		n int
	}{{"FailureThreshold", c.FailureThreshold}, {"FailureWindowCalls", c.FailureWindowCalls}}
	for _, i := range ints {
		if i.n > 0 {
			field(i.k, strconv.Itoa(i.n))
		}
	}
	if c.FailureWindow > 0 {
		field("FailureWindow", goDuration(c.FailureWindow))
	}
	if c.FailureRate > 0 {
		field("FailureRate", goFloat(c.FailureRate))
		field("MinCalls", strconv.Itoa(c.MinCalls))
	}
	if c.ResetTimeout > 0 {
		field("ResetTimeout", goDuration(c.ResetTimeout))
	}
	if c.SuccessThreshold > 0 {
		field("SuccessThreshold", strconv.Itoa(c.SuccessThreshold))
	}
	if c.MaxConcurrent > 0 {
		field("MaxConcurrent", strconv.Itoa(c.MaxConcurrent))
		if c.MaxWait > 0 {
			field("MaxWait", goDuration(c.MaxWait))
		}
	}
	if c.RateLimit > 0 {
		field("RateLimit", strconv.Itoa(c.RateLimit))
		field("RatePeriod", goDuration(c.RatePeriod))
		if c.RateWait > 0 {
			field("RateWait", goDuration(c.RateWait))
		}
	}
	if c.Fallback != "" {
		field("Fallback", strconv.Quote(c.Fallback))
		if c.FallbackBody != "" {
			field("FallbackBody", strconv.Quote(c.FallbackBody))
		}
		if c.CacheTTL > 0 {
			field("CacheTTL", goDuration(c.CacheTTL))
		}
	}
	return b.String()
}

// goDuration writes d as a Go expression in the largest unit that divides
// it: 1500 * time.Millisecond.
func goDuration(d time.Duration) string {
	units := []struct {
		name string
		size time.Duration
	}{{"time.Hour", time.Hour}, {"time.Minute", time.Minute}, {"time.Second", time.Second},
		{"time.Millisecond", time.Millisecond}, {"time.Microsecond", time.Microsecond}}
	if d == 0 {
		return "0"
	}
	for _, u := range units {
		if d%u.size == 0 {
			return strconv.FormatInt(int64(d/u.size), 10) + " * " + u.name
		}
	}
	return strconv.FormatInt(int64(d), 10) + " * time.Nanosecond"
}

func goFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// strconvQuote quotes s for a note.
func strconvQuote(s string) string { return strconv.Quote(s) }
