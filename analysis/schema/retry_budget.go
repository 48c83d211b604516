package schema

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/units"
)

// Backoff is the retry.backoff enum as a Go value.
type Backoff string

// The backoff strategies of retry.backoff.
const (
	BackoffFixed             Backoff = "fixed"
	BackoffLinear            Backoff = "linear"
	BackoffExponential       Backoff = "exponential"
	BackoffExponentialJitter Backoff = "exponential_jitter"
)

// Jitter says how exponential_jitter widens a wait's upper bound.
type Jitter int

// JitterProportional (the zero value) is Resilience4j's randomized wait,
// wait × [1 − f, 1 + f] with f = 0.5, so the bound grows by 1 + f.
// JitterFull draws from [0, wait] (AWS "full jitter", Envoy, gRPC) and
// leaves the bound unchanged.
const (
	JitterProportional Jitter = iota
	JitterFull
)

// Reference defaults used when a retry object leaves a field out
// (rules.md §3, Resilience4j first).
const (
	DefaultMaxAttempts  = 3
	DefaultInitialDelay = 500 * time.Millisecond
	DefaultMultiplier   = 1.5
	DefaultJitterFactor = 0.5
)

// RetryPolicy holds the inputs of rules.md §4.1. MaxDelay 0 means uncapped;
// RateLimiterTimeout is r, the permit wait added to every attempt.
// JitterFactor is f for JitterProportional (0 means DefaultJitterFactor).
type RetryPolicy struct {
	MaxAttempts        int
	Timeout            time.Duration
	RateLimiterTimeout time.Duration
	Backoff            Backoff
	InitialDelay       time.Duration
	Multiplier         float64
	MaxDelay           time.Duration
	Jitter             Jitter
	JitterFactor       float64
}

// DefaultRetryPolicy returns the reference defaults; the analyzer starts
// from it and overrides the fields a block sets, so unset fields take the
// values hover documents.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxAttempts:  DefaultMaxAttempts,
		Backoff:      BackoffFixed,
		InitialDelay: DefaultInitialDelay,
		Multiplier:   DefaultMultiplier,
	}
}

// WorstCaseBreakdown is W with its parts, so messages can show the sum.
type WorstCaseBreakdown struct {
	Attempts   int
	PerAttempt time.Duration   // T + r
	Timeout    time.Duration   // T
	PermitWait time.Duration   // r
	Waits      []time.Duration // D_1 … D_{N−1}
	Backoff    time.Duration   // Σ D_k
	Total      time.Duration   // W
}

// WorstCase computes W = N·(T + r) + Σ D_k (rules.md §4.1). Waits are:
// fixed d; linear k·d; exponential d·m^(k−1); each capped by max_delay when
// set; exponential_jitter multiplies the capped bound by 1 + f
// (proportional jitter) or leaves it (full jitter). A bulkhead wait sits
// inside the TimeLimiter in Resilience4j's order, so it adds nothing.
// Results saturate at the largest time.Duration instead of overflowing.
func WorstCase(p RetryPolicy) WorstCaseBreakdown {
	n := max(p.MaxAttempts, 0)
	b := WorstCaseBreakdown{Attempts: n, Timeout: p.Timeout, PermitWait: p.RateLimiterTimeout}
	b.PerAttempt = satAdd(p.Timeout, p.RateLimiterTimeout)
	for k := 1; k < n; k++ {
		d := p.wait(k)
		b.Waits = append(b.Waits, d)
		b.Backoff = satAdd(b.Backoff, d)
	}
	b.Total = satAdd(satMul(b.PerAttempt, float64(n)), b.Backoff)
	return b
}

// wait returns D_k, the upper bound of the wait before attempt k+1.
func (p RetryPolicy) wait(k int) time.Duration {
	d := float64(p.InitialDelay)
	switch p.Backoff {
	case BackoffLinear:
		d *= float64(k)
	case BackoffExponential, BackoffExponentialJitter:
		m := p.Multiplier
		if m <= 0 {
			m = DefaultMultiplier
		}
		d *= math.Pow(m, float64(k-1))
	}
	if p.MaxDelay > 0 && d > float64(p.MaxDelay) {
		d = float64(p.MaxDelay)
	}
	if p.Backoff == BackoffExponentialJitter && p.Jitter == JitterProportional {
		f := p.JitterFactor
		if f <= 0 {
			f = DefaultJitterFactor
		}
		d *= 1 + f
	}
	return satMul(1, d)
}

// String renders the breakdown as rules.md's messages do:
// "3 attempts × 2s + 300ms backoff = 6.3s", with the permit wait shown as
// "3 attempts × (2s + 5s permit wait) + …" when a rate limiter is present.
func (b WorstCaseBreakdown) String() string {
	var s strings.Builder
	s.WriteString(strconv.Itoa(b.Attempts))
	if b.Attempts == 1 {
		s.WriteString(" attempt × ")
	} else {
		s.WriteString(" attempts × ")
	}
	if b.PermitWait > 0 {
		s.WriteString("(" + units.FormatDuration(b.Timeout) + " + " + units.FormatDuration(b.PermitWait) + " permit wait)")
	} else {
		s.WriteString(units.FormatDuration(b.Timeout))
	}
	if b.Backoff > 0 {
		s.WriteString(" + " + units.FormatDuration(b.Backoff) + " backoff")
	}
	s.WriteString(" = " + units.FormatDuration(b.Total))
	return s.String()
}

// satAdd adds durations, saturating at the maximum.
func satAdd(a, b time.Duration) time.Duration {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// satMul multiplies a duration by a factor, saturating at the maximum.
func satMul(d time.Duration, f float64) time.Duration {
	v := float64(d) * f
	if math.IsNaN(v) || v <= 0 {
		return 0
	}
	if v >= math.MaxInt64 {
		return math.MaxInt64
	}
	return time.Duration(math.Round(v))
}
