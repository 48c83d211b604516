package schema

import (
	"math"
	"testing"
	"time"
)

func TestQuorumTable(t *testing.T) {
	quorum := map[int]int{0: 0, -1: 0, 1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 4, 7: 4}
	tolerated := map[int]int{0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 2, 6: 2, 7: 3}
	for n, want := range quorum {
		if got := Quorum(n); got != want {
			t.Errorf("Quorum(%d) = %d; want %d", n, got, want)
		}
	}
	for n, want := range tolerated {
		if got := FailuresTolerated(n); got != want {
			t.Errorf("FailuresTolerated(%d) = %d; want %d", n, got, want)
		}
	}
	if QuorumsOverlap(1, 2, 3) || !QuorumsOverlap(2, 2, 3) {
		t.Error("R + W > N")
	}
}

func TestWorstCaseSeed(t *testing.T) {
	// s2_1: 3 attempts, timeout 2s, exponential 100ms ×2 capped at 1s.
	p := RetryPolicy{
		MaxAttempts: 3, Timeout: 2 * time.Second, Backoff: BackoffExponential,
		InitialDelay: 100 * time.Millisecond, Multiplier: 2, MaxDelay: time.Second,
	}
	b := WorstCase(p)
	if b.Total != 6300*time.Millisecond || b.Backoff != 300*time.Millisecond || len(b.Waits) != 2 {
		t.Fatalf("WorstCase = %+v", b)
	}
	if got, want := b.String(), "3 attempts × 2s + 300ms backoff = 6.3s"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

func TestWorstCaseVariants(t *testing.T) {
	base := RetryPolicy{MaxAttempts: 4, Timeout: time.Second, InitialDelay: 100 * time.Millisecond, Multiplier: 2}
	tests := []struct {
		name   string
		modify func(*RetryPolicy)
		waits  []time.Duration
		text   string
	}{
		{"fixed", func(p *RetryPolicy) { p.Backoff = BackoffFixed },
			ms3(100, 100, 100), "4 attempts × 1s + 300ms backoff = 4.3s"},
		{"linear", func(p *RetryPolicy) { p.Backoff = BackoffLinear },
			ms3(100, 200, 300), "4 attempts × 1s + 600ms backoff = 4.6s"},
		{"exponential", func(p *RetryPolicy) { p.Backoff = BackoffExponential },
			ms3(100, 200, 400), "4 attempts × 1s + 700ms backoff = 4.7s"},
		{"capped", func(p *RetryPolicy) { p.Backoff = BackoffExponential; p.MaxDelay = 250 * time.Millisecond },
			ms3(100, 200, 250), "4 attempts × 1s + 550ms backoff = 4.55s"},
		{"jitter r4j", func(p *RetryPolicy) { p.Backoff = BackoffExponentialJitter },
			ms3(150, 300, 600), "4 attempts × 1s + 1.05s backoff = 5.05s"},
		{"jitter full", func(p *RetryPolicy) { p.Backoff = BackoffExponentialJitter; p.Jitter = JitterFull },
			ms3(100, 200, 400), "4 attempts × 1s + 700ms backoff = 4.7s"},
		{"permit wait", func(p *RetryPolicy) { p.Backoff = BackoffFixed; p.RateLimiterTimeout = 5 * time.Second },
			ms3(100, 100, 100), "4 attempts × (1s + 5s permit wait) + 300ms backoff = 24.3s"},
		{"default multiplier", func(p *RetryPolicy) { p.Backoff = BackoffExponential; p.Multiplier = 0 },
			ms3(100, 150, 225), "4 attempts × 1s + 475ms backoff = 4.475s"},
	}
	for _, tt := range tests {
		p := base
		tt.modify(&p)
		b := WorstCase(p)
		for i, w := range tt.waits {
			if i >= len(b.Waits) || b.Waits[i] != w {
				t.Errorf("%s: waits = %v; want %v", tt.name, b.Waits, tt.waits)
				break
			}
		}
		if b.String() != tt.text {
			t.Errorf("%s: %q; want %q", tt.name, b.String(), tt.text)
		}
	}
}

func TestWorstCaseEdges(t *testing.T) {
	one := WorstCase(RetryPolicy{MaxAttempts: 1, Timeout: 2 * time.Second})
	if one.String() != "1 attempt × 2s = 2s" || len(one.Waits) != 0 {
		t.Errorf("single attempt: %q", one.String())
	}
	if z := WorstCase(RetryPolicy{MaxAttempts: -2, Timeout: time.Second}); z.Total != 0 {
		t.Errorf("negative attempts: %+v", z)
	}
	huge := WorstCase(RetryPolicy{MaxAttempts: 60, Timeout: time.Hour, Backoff: BackoffExponential,
		InitialDelay: time.Hour, Multiplier: 1e300})
	if huge.Total != math.MaxInt64 {
		t.Errorf("overflow must saturate: %v", huge.Total)
	}
	nan := WorstCase(RetryPolicy{MaxAttempts: 400, Backoff: BackoffExponential, Multiplier: 1e300})
	if nan.Total != 0 {
		t.Errorf("zero delay with huge multiplier: %v", nan.Total)
	}
	d := DefaultRetryPolicy()
	if d.MaxAttempts != 3 || d.InitialDelay != 500*time.Millisecond || d.Multiplier != 1.5 || d.Backoff != BackoffFixed {
		t.Errorf("defaults = %+v", d)
	}
}

// ms3 builds three waits in milliseconds.
func ms3(a, b, c int) []time.Duration {
	return []time.Duration{time.Duration(a) * time.Millisecond, time.Duration(b) * time.Millisecond, time.Duration(c) * time.Millisecond}
}
