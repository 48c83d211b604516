package units

import (
	"strconv"
	"strings"
)

// ParseCount parses a whole number written with DPL number syntax: "3",
// "1000", "-1" (the schema rejects negatives with the field's range), and
// "2.0" (a whole value with a zero fraction). Exponents, digit separators
// and fractions are errors with a corrected suggestion where one exists.
func ParseCount(s string) (int64, error) {
	if s == "" {
		return 0, newError(KindCount, s, "it is empty; write a whole number such as 3", "")
	}
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	num, rest, ok := scanDecimal(body)
	if !ok || rest != "" {
		return 0, malformedCount(s)
	}
	if n, den, small := num.small(); small && den == 1 {
		// A whole number of at most 18 digits fits an int64 as is.
		if neg {
			return -int64(n), nil
		}
		return int64(n), nil
	}
	r := num.rat()
	if !r.IsInt() {
		return 0, newError(KindCount, s, "it must be a whole number", "")
	}
	if !r.Num().IsInt64() {
		return 0, newError(KindCount, s, "it is too large", "")
	}
	n := r.Num().Int64()
	if neg {
		n = -n
	}
	return n, nil
}

// ParseCountLiteral parses the source text of a count literal, which may be
// a number (3) or a quoted numeric string ("1000"). fromString reports the
// quoted form so the analyzer can hint "write it as a number"; the spec
// accepts it because the draft writes snapshot_interval: "1000".
func ParseCountLiteral(raw string) (n int64, fromString bool, err error) {
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		unq, qerr := strconv.Unquote(raw)
		if qerr != nil {
			return 0, true, malformedCount(raw)
		}
		n, err = ParseCount(unq)
		return n, true, err
	}
	n, err = ParseCount(raw)
	return n, false, err
}

// countSeparators drops the digit separators and spaces people write in
// counts.
var countSeparators = strings.NewReplacer(",", "", "_", "", " ", "")

// malformedCount explains text that is not a whole number and repairs the
// common slips: digit separators ("1,000", "1_000") and spaces.
func malformedCount(s string) error {
	fixed := countSeparators.Replace(s)
	if fixed != s {
		if _, err := ParseCount(fixed); err == nil {
			return newError(KindCount, s, "write it without separators ("+fixed+")", fixed)
		}
	}
	return newError(KindCount, s, "write a whole number such as 3", "")
}
