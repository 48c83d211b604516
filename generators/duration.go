package generators

import (
	"fmt"
	"strconv"
	"time"
)

// unitSizes are the units SingleUnit may use, largest first. Days are
// left out: Go, Istio and Consul durations have no `d`.
var unitSizes = []struct {
	name string
	size time.Duration
}{
	{"h", time.Hour}, {"m", time.Minute}, {"s", time.Second},
	{"ms", time.Millisecond}, {"us", time.Microsecond}, {"ns", time.Nanosecond},
}

// SingleUnit writes d as an integer in the largest unit that divides it
// ("1500ms", not "1.5s"; "90s", not "1m30s"): the form every target's
// duration grammar accepts (targets.md §1.2), except protobuf JSON.
func SingleUnit(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	for _, u := range unitSizes {
		if d%u.size == 0 {
			return strconv.FormatInt(int64(d/u.size), 10) + u.name
		}
	}
	return strconv.FormatInt(int64(d), 10) + "ns"
}

// RoundUp rounds d up (toward +∞) to a whole multiple of unit, for the
// targets whose grammar stops at unit (nginx, HAProxy, Prometheus and
// Gateway API durations have nothing below ms; opossum takes integer ms):
// a timeout or window written down must not get shorter than declared.
func RoundUp(d, unit time.Duration) time.Duration {
	switch r := d % unit; {
	case r > 0:
		return d + unit - r
	case r < 0:
		return d - r
	}
	return d
}

// Seconds rounds d up to whole seconds, for Kubernetes fields that take
// integer seconds.
func Seconds(d time.Duration) int64 {
	s := int64(d / time.Second)
	if d%time.Second != 0 {
		s++
	}
	return s
}

// ProtoDuration writes d as protobuf JSON wants it (google.protobuf.Duration):
// seconds with an "s" suffix, fractions with 3, 6 or 9 digits ("0.100s",
// "30s"); "100ms" is rejected.
func ProtoDuration(d time.Duration) string {
	secs, frac := d/time.Second, d%time.Second
	switch {
	case frac == 0:
		return strconv.FormatInt(int64(secs), 10) + "s"
	case frac%time.Millisecond == 0:
		return fmt.Sprintf("%d.%03ds", secs, frac/time.Millisecond)
	case frac%time.Microsecond == 0:
		return fmt.Sprintf("%d.%06ds", secs, frac/time.Microsecond)
	}
	return fmt.Sprintf("%d.%09ds", secs, frac)
}
