package generators

import (
	"testing"
	"time"
)

// TestRoundUp pins rounding toward +∞, negatives included (Go's % keeps
// the sign of d, so adding unit-r to a negative d would overshoot).
func TestRoundUp(t *testing.T) {
	for _, c := range []struct{ d, unit, want time.Duration }{
		{0, time.Millisecond, 0},
		{time.Millisecond, time.Millisecond, time.Millisecond},
		{time.Nanosecond, time.Millisecond, time.Millisecond},
		{1500 * time.Microsecond, time.Millisecond, 2 * time.Millisecond},
		{-500 * time.Microsecond, time.Millisecond, 0},
		{-1500 * time.Microsecond, time.Millisecond, -time.Millisecond},
		{61 * time.Second, 15 * time.Second, 75 * time.Second},
		{60 * time.Second, 15 * time.Second, 60 * time.Second},
	} {
		if got := RoundUp(c.d, c.unit); got != c.want {
			t.Errorf("RoundUp(%v, %v) = %v, want %v", c.d, c.unit, got, c.want)
		}
	}
}
