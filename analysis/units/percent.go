package units

import (
	"strconv"
	"strings"
)

// ParsePercent parses "50%" or "12.5%" into 50 or 12.5. A leading "-" is
// accepted so the schema, not the parser, reports the range error with the
// target that rejects it. A missing "%" is an error, because a bare 0.5 or
// 50 is ambiguous between a ratio, a percent and a count (rules FT006).
func ParsePercent(s string) (float64, error) {
	if s == "" {
		return 0, newError(KindPercent, s, `it is empty; write a number followed by "%" such as "50%"`, "")
	}
	if strings.ContainsAny(s, " \t") {
		fixed := stripSpaces(s)
		if _, err := ParsePercent(fixed); err != nil {
			fixed = ""
		}
		return 0, spaceError(KindPercent, s, fixed)
	}
	body, hasPct := strings.CutSuffix(s, "%")
	neg := strings.HasPrefix(body, "-")
	num, rest, ok := scanDecimal(strings.TrimPrefix(body, "-"))
	if !ok || rest != "" {
		return 0, newError(KindPercent, s, `write a number followed by "%" such as "50%"`, "")
	}
	if !hasPct {
		return 0, newError(KindPercent, s, `add "%" (`+quote(s+"%")+`)`, s+"%")
	}
	v, _ := num.rat().Float64()
	if neg {
		v = -v
	}
	return v, nil
}

// FormatPercent writes p as the shortest decimal that reads back to p,
// followed by "%": 50 → "50%", 12.5 → "12.5%".
func FormatPercent(p float64) string {
	return strconv.FormatFloat(p, 'f', -1, 64) + "%"
}
