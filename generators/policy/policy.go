package policy

import (
	"encoding/json"
	"time"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// Policy is a fault_tolerance block as values. A nil member means the
// block does not declare that pattern.
type Policy struct {
	Ref rule.Ref
	// Retry is the retry policy with the reference defaults filled in.
	Retry *schema.RetryPolicy
	// RetryOn are the status names of retry.retry_on, as written.
	RetryOn []string
	// Timeout bounds one attempt; TotalTimeout the whole call. 0 is unset.
	Timeout, TotalTimeout time.Duration
	Breaker               *Breaker
	Fallback              *Fallback
	Bulkhead              *Bulkhead
	RateLimiter           *RateLimiter
}

// Breaker is circuit_breaker. Exactly one of Count (consecutive failures)
// and Percent (failure rate over the window) is set when a threshold is
// declared; both zero means the block leaves it to the library default.
type Breaker struct {
	Count   int
	Percent float64
	// ResetTimeout is the open → half-open wait; 0 is unset.
	ResetTimeout time.Duration
	// WindowCalls or WindowTime is sliding_window (calls, or a time window).
	WindowCalls int
	WindowTime  time.Duration
	// MinCalls is minimum_request_count; HalfOpenCalls half_open_max_calls.
	MinCalls, HalfOpenCalls int
	// NoHalfOpen is half_open_state: false, which no library can honour.
	NoHalfOpen     bool
	NoHalfOpenSpan model.Span
}

// Fallback is fallback: the strategy and, for returnDefault, the response
// body as JSON (DPL objects keep their member order).
type Fallback struct {
	Strategy string
	CacheTTL time.Duration
	// Default is default_response as a JSON object ("{}" when absent).
	Default     json.RawMessage
	DefaultSpan model.Span
}

// Bulkhead is bulkhead.
type Bulkhead struct {
	MaxConcurrent int
	MaxWait       time.Duration
}

// RateLimiter is rate_limiter; zero fields are unset.
type RateLimiter struct {
	Limit   int
	Period  time.Duration
	Timeout time.Duration
}

// Read reads svc's fault_tolerance block; ok is false when it has none.
func Read(svc g.Service) (p Policy, ok bool) {
	ref, ok := svc.Block("fault_tolerance")
	if !ok || ref.Block.Body == nil {
		return Policy{}, false
	}
	v := typed.Of(ref.Block)
	p.Ref = ref
	if rp, has := facts.RetryPolicy(v); has {
		p.Retry = &rp
		p.RetryOn, _, _ = v.Strings("retry", "retry_on")
	}
	p.Timeout, _, _ = v.Duration("timeout")
	p.TotalTimeout, _, _ = v.Duration("total_timeout")
	if v.Has("circuit_breaker") {
		p.Breaker = readBreaker(v)
	}
	if v.Has("fallback") {
		p.Fallback = readFallback(v)
	}
	if v.Has("bulkhead") {
		b := &Bulkhead{MaxConcurrent: 25}
		if n, _, ok := v.Count("bulkhead", "max_concurrent_calls"); ok {
			b.MaxConcurrent = int(n)
		}
		b.MaxWait, _, _ = v.Duration("bulkhead", "max_wait_duration")
		p.Bulkhead = b
	}
	if v.Has("rate_limiter") {
		r := &RateLimiter{}
		if n, _, ok := v.Count("rate_limiter", "limit_for_period"); ok {
			r.Limit = int(n)
		}
		r.Period, _, _ = v.Duration("rate_limiter", "limit_refresh_period")
		r.Timeout, _, _ = v.Duration("rate_limiter", "timeout")
		p.RateLimiter = r
	}
	return p, true
}

func readBreaker(v typed.View) *Breaker {
	b := &Breaker{}
	if pct, _, ok := v.Percent("circuit_breaker", "failure_threshold"); ok {
		b.Percent = pct
	} else if n, _, ok := v.Count("circuit_breaker", "failure_threshold"); ok {
		b.Count = int(n)
	}
	b.ResetTimeout, _, _ = v.Duration("circuit_breaker", "reset_timeout")
	if d, _, ok := v.Duration("circuit_breaker", "sliding_window"); ok {
		b.WindowTime = d
	} else if n, _, ok := v.Count("circuit_breaker", "sliding_window"); ok {
		b.WindowCalls = int(n)
	}
	if n, _, ok := v.Count("circuit_breaker", "minimum_request_count"); ok {
		b.MinCalls = int(n)
	}
	if n, _, ok := v.Count("circuit_breaker", "half_open_max_calls"); ok {
		b.HalfOpenCalls = int(n)
	}
	if on, span, ok := v.Bool("circuit_breaker", "half_open_state"); ok && !on {
		b.NoHalfOpen, b.NoHalfOpenSpan = true, span
	}
	return b
}

func readFallback(v typed.View) *Fallback {
	f := &Fallback{Default: json.RawMessage("{}")}
	f.Strategy, _, _ = v.String("fallback", "strategy")
	f.CacheTTL, _, _ = v.Duration("fallback", "cache_ttl")
	if val, ok := v.Get("fallback", "default_response"); ok && !val.Short {
		if obj, isObj := val.Node.(*model.Object); isObj {
			f.Default = JSON(obj)
			f.DefaultSpan = obj.Span
		}
	}
	return f
}

// Span is where a member of the fault_tolerance block is written (its
// key), or the block name when it is absent: where a note points.
func (p Policy) Span(path ...string) model.Span {
	v := typed.Of(p.Ref.Block)
	if m, ok := v.Member(path...); ok {
		return m.Key.Span
	}
	return p.Ref.Block.Name.Span
}

// Declared reports whether the fault_tolerance block writes the member at
// path (as opposed to a value filled in from a default).
func (p Policy) Declared(path ...string) bool {
	_, ok := typed.Of(p.Ref.Block).Member(path...)
	return ok
}

// Note builds a note on the fault_tolerance member at path.
func (p Policy) Note(target string, msg string, path ...string) g.Note {
	return g.NoteAt(target, p.Ref, p.Span(path...), msg)
}

// Wait is the wait before retry k (k = 1 for the first retry) of r, before
// jitter, as language.md defines it: initial_delay (fixed), k ×
// initial_delay (linear) or initial_delay × multiplier^(k−1) (exponential),
// capped by max_delay.
func Wait(r schema.RetryPolicy, k int) time.Duration {
	var d time.Duration
	switch r.Backoff {
	case schema.BackoffLinear:
		d = time.Duration(k) * r.InitialDelay
	case schema.BackoffExponential, schema.BackoffExponentialJitter:
		f := float64(r.InitialDelay)
		for i := 1; i < k; i++ {
			f *= r.Multiplier
		}
		d = time.Duration(f)
	default:
		d = r.InitialDelay
	}
	if r.MaxDelay > 0 && d > r.MaxDelay {
		d = r.MaxDelay
	}
	return d
}
