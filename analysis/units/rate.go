package units

import (
	"strconv"
	"strings"
)

// rateUnits maps every accepted rate unit to its length in seconds. The
// draft writes "1000 req/s"; the other spellings are what k6, nginx
// ("100r/s") and load-test reports use, so users paste them.
var rateUnits = map[string]float64{
	"req/s": 1, "req/sec": 1, "r/s": 1, "rps": 1, "qps": 1, "/s": 1,
	"req/m": 60, "req/min": 60, "r/m": 60, "rpm": 60, "/min": 60,
	"req/h": 3600, "req/hour": 3600, "r/h": 3600, "/h": 3600,
}

// ParseRate parses a throughput and returns requests per second.
//
// Accepted forms: a number, an optional single space, and a unit from
// req/s (also req/sec, r/s, rps, qps, /s), req/min (also req/m, r/m, rpm,
// /min) or req/h (also req/hour, r/h, /h). Units are case-insensitive.
// Examples: "1000 req/s", "100rps", "50 req/min". A bare number is an error
// whose suggestion adds " req/s".
func ParseRate(s string) (float64, error) {
	if s == "" {
		return 0, newError(KindRate, s, `it is empty; write a number and a unit such as "1000 req/s"`, "")
	}
	num, rest, ok := scanDecimal(s)
	if !ok {
		return 0, malformedRate(s)
	}
	if rest == "" {
		return 0, suggestUnit(KindRate, s, s+" req/s")
	}
	unit := strings.ToLower(strings.TrimPrefix(rest, " "))
	per, ok := rateUnits[unit]
	if !ok {
		return 0, malformedRate(s)
	}
	v, _ := num.rat().Float64()
	return v / per, nil
}

// FormatRate writes r requests per second in the draft's form, "1000 req/s".
func FormatRate(r float64) string {
	return strconv.FormatFloat(r, 'f', -1, 64) + " req/s"
}

// malformedRate is the catch-all message for text that is not a rate.
func malformedRate(s string) error {
	return newError(KindRate, s, `write a number and a unit such as "1000 req/s" or "50 req/min"`, "")
}
