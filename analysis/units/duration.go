package units

import (
	"strings"
	"time"
)

// Day is the DPL "d" unit. Go's time package stops at hours, but Prometheus,
// nginx, HAProxy and Spring all read "7d", so DPL accepts it too.
const Day = 24 * time.Hour

// durationUnit is one unit of the duration grammar.
type durationUnit struct {
	name string
	size time.Duration
}

// durationUnits is ordered from largest to smallest: compound durations must
// follow this order ("1h30m", never "30m1h"), as Prometheus requires.
var durationUnits = []durationUnit{
	{"d", Day},
	{"h", time.Hour},
	{"m", time.Minute},
	{"s", time.Second},
	{"ms", time.Millisecond},
	{"us", time.Microsecond},
	{"ns", time.Nanosecond},
}

// durationAliases maps spellings users type by habit to the DPL unit, so the
// error can offer the corrected value instead of a bare "bad unit".
var durationAliases = map[string]string{
	"sec": "s", "secs": "s", "second": "s", "seconds": "s",
	"min": "m", "mins": "m", "minute": "m", "minutes": "m",
	"hr": "h", "hrs": "h", "hour": "h", "hours": "h",
	"day": "d", "days": "d",
	"msec": "ms", "msecs": "ms", "millis": "ms", "millisecond": "ms", "milliseconds": "ms",
	"µs": "us", "μs": "us", "usec": "us", "microsecond": "us", "microseconds": "us",
	"nsec": "ns", "nanosecond": "ns", "nanoseconds": "ns",
}

// ParseDuration parses a DPL duration: one or more <number><unit> segments
// with units d, h, m, s, ms, us, ns in decreasing order ("1m30s", "1.5s",
// "100ms", "7d"). A bare number is rejected because targets disagree on its
// unit (HAProxy reads ms, Kubernetes seconds); the error suggests "<n>s".
// Fractions below one nanosecond are truncated, as time.ParseDuration does.
func ParseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, newError(KindDuration, s, `it is empty; write a number and a unit such as "10s"`, "")
	}
	if strings.ContainsAny(s, " \t") {
		return 0, keepWorkingFix(spaceError(KindDuration, s, stripSpaces(s)))
	}
	if s[0] == '-' || s[0] == '+' {
		return 0, keepWorkingFix(newError(KindDuration, s, "durations cannot be signed", strings.TrimLeft(s, "+-")))
	}
	if countDigits(s) == len(s) {
		return 0, keepWorkingFix(suggestUnit(KindDuration, s, s+"s"))
	}
	return parseSegments(s)
}

// keepWorkingFix drops the suggestion of e unless the repaired text really
// parses, so a quick fix never produces a new error.
func keepWorkingFix(e *Error) *Error {
	if _, err := ParseDuration(e.Suggestion); err != nil {
		e.Suggestion = ""
	}
	return e
}

// parseSegments parses the compound form; s has no spaces and no sign.
func parseSegments(s string) (time.Duration, error) {
	var total time.Duration
	next := 0 // index into durationUnits of the largest unit still allowed
	rest := s
	for rest != "" {
		num, after, ok := scanDecimal(rest)
		if !ok {
			return 0, malformedDuration(s)
		}
		name := unitPrefix(after)
		idx := unitIndex(name)
		if idx < 0 {
			return 0, unknownDurationUnit(s, num, after)
		}
		if idx < next {
			return 0, misorderedDuration(s)
		}
		v, ok := num.scale(int64(durationUnits[idx].size))
		if !ok || total > time.Duration(1<<63-1)-time.Duration(v) {
			return 0, newError(KindDuration, s, "it is too large (the limit is about 106751d)", "")
		}
		total += time.Duration(v)
		next = idx + 1
		rest = after[len(name):]
	}
	return total, nil
}

// unitPrefix returns the run of non-digit, non-dot characters at the start
// of s: the unit of the current segment.
func unitPrefix(s string) string {
	i := 0
	for i < len(s) && (s[i] < '0' || s[i] > '9') && s[i] != '.' {
		i++
	}
	return s[:i]
}

// unitIndex returns the position of name in durationUnits, or -1.
func unitIndex(name string) int {
	for i, u := range durationUnits {
		if u.name == name {
			return i
		}
	}
	return -1
}

// unknownDurationUnit explains a segment whose unit is missing or unknown and,
// when the unit is a known alias or a case slip, suggests the fixed value.
func unknownDurationUnit(s string, num decimal, after string) error {
	name := unitPrefix(after)
	if name == "" {
		return malformedDuration(s)
	}
	fix := durationAliases[strings.ToLower(name)]
	if fix == "" && unitIndex(strings.ToLower(name)) >= 0 {
		fix = strings.ToLower(name)
	}
	if fix == "" {
		return newError(KindDuration, s, "unknown unit "+quote(name)+"; use d, h, m, s, ms, us or ns", "")
	}
	fixed := strings.Replace(s, num.text()+name, num.text()+fix, 1)
	if _, err := parseSegments(fixed); err != nil {
		fixed = ""
	}
	return newError(KindDuration, s, "unknown unit "+quote(name)+"; write "+quote(fix), fixed)
}

// misorderedDuration reports "30s1m" or "1s1s" and suggests the normalized sum.
func misorderedDuration(s string) error {
	sum, ok := sumAnyOrder(s)
	fix := ""
	if ok {
		fix = FormatDuration(sum)
	}
	return newError(KindDuration, s, "units must go from largest to smallest, each once", fix)
}

// sumAnyOrder adds the segments of s regardless of order; it exists only to
// compute the suggestion for a misordered duration.
func sumAnyOrder(s string) (time.Duration, bool) {
	var total time.Duration
	for rest := s; rest != ""; {
		num, after, ok := scanDecimal(rest)
		if !ok {
			return 0, false
		}
		name := unitPrefix(after)
		idx := unitIndex(name)
		if idx < 0 {
			return 0, false
		}
		v, ok := num.scale(int64(durationUnits[idx].size))
		if !ok {
			return 0, false
		}
		total += time.Duration(v)
		rest = after[len(name):]
	}
	return total, true
}

// malformedDuration is the catch-all message for text that is not a duration.
func malformedDuration(s string) error {
	return newError(KindDuration, s, `write a number and a unit such as "500ms", "10s" or "1m30s"`, "")
}

// quote wraps s in double quotes for messages.
func quote(s string) string { return `"` + s + `"` }

// stripSpaces removes blanks, the usual repair for "10 s".
func stripSpaces(s string) string { return blanks.Replace(s) }

var blanks = strings.NewReplacer(" ", "", "\t", "")
