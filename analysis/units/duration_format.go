package units

import (
	"strings"
	"time"
)

// FormatDuration writes d in the normalized form hover and messages use:
// the largest units that keep the value exact. Under a second it uses one
// unit with a decimal fraction ("300ms", "1.5ms"); from one second to a
// minute, seconds with a fraction ("6.3s"); above that, a compound of d, h,
// m and s ("1m30s", "1h30m", "7d"), where only the seconds may carry a
// fraction. ParseDuration(FormatDuration(d)) == d for every d ≥ 0.
func FormatDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0s"
	case d < 0:
		if d == -d { // math.MinInt64 has no positive counterpart
			return "-" + formatCompound(uint64(1)<<63)
		}
		return "-" + FormatDuration(-d)
	case d < time.Second:
		return formatSubSecond(d)
	case d < time.Minute:
		s, _ := exactDecimal(int64(d), int64(time.Second), 9)
		return s + "s"
	default:
		return formatCompound(uint64(d))
	}
}

// formatSubSecond picks the largest of ms, us, ns that is ≤ d and writes d
// in it with an exact decimal fraction.
func formatSubSecond(d time.Duration) string {
	for _, u := range durationUnits[4:] {
		if d >= u.size {
			s, _ := exactDecimal(int64(d), int64(u.size), 6)
			return s + u.name
		}
	}
	return "0s"
}

// formatCompound writes n nanoseconds (≥ 1m) as d/h/m segments followed by
// seconds with an exact fraction; zero segments are left out.
func formatCompound(n uint64) string {
	var b strings.Builder
	for _, u := range durationUnits[:3] {
		size := uint64(u.size)
		if n >= size {
			b.WriteString(itoa(int64(n / size)))
			b.WriteString(u.name)
			n %= size
		}
	}
	if n > 0 {
		s, _ := exactDecimal(int64(n), int64(time.Second), 9)
		if s == "0" || strings.HasPrefix(s, "0.") {
			s = formatSubSecond(time.Duration(n))
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s + "s")
	}
	return b.String()
}
