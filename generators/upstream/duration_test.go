package upstream

import (
	"testing"
	"time"
)

// TestDuration pins the time syntax nginx and HAProxy share: one unit,
// the largest that divides, never a fraction, sub-ms rounded up.
func TestDuration(t *testing.T) {
	for _, c := range []struct {
		in   time.Duration
		want string
	}{
		{0, "0ms"},
		{-time.Second, "0ms"},
		{-500 * time.Microsecond, "0ms"},
		{time.Nanosecond, "1ms"},
		{1500 * time.Microsecond, "2ms"},
		{100 * time.Millisecond, "100ms"},
		{1500 * time.Millisecond, "1500ms"},
		{30 * time.Second, "30s"},
		{90 * time.Second, "90s"},
		{2 * time.Minute, "2m"},
		{90 * time.Minute, "90m"},
		{3 * time.Hour, "3h"},
		{48 * time.Hour, "2d"},
		{36 * time.Hour, "36h"},
	} {
		if got := Duration(c.in); got != c.want {
			t.Errorf("Duration(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
