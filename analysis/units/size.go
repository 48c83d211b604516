package units

import (
	"strings"
)

// sizeUnit is one unit of the size grammar.
type sizeUnit struct {
	name string
	size int64
}

// sizeUnits is ordered from largest to smallest. Units are 1024-based
// because the targets that read DPL sizes do so: Redis "2gb" and Spring
// DataSize "16KB" are binary, and Kafka wants the byte count a user of those
// tools expects.
var sizeUnits = []sizeUnit{
	{"tb", 1 << 40},
	{"gb", 1 << 30},
	{"mb", 1 << 20},
	{"kb", 1 << 10},
	{"b", 1},
}

// ParseSize parses a DPL size such as "16kb", "2gb" or "1.5mb" into bytes.
// Units b, kb, mb, gb, tb are case-insensitive and 1024-based. A bare number
// is rejected (its suggestion reads it as bytes, as Redis and Kafka do), and
// so is a space between number and unit ("10 gb") or a result that is not a
// whole number of bytes.
func ParseSize(s string) (int64, error) {
	if s == "" {
		return 0, newError(KindSize, s, `it is empty; write a number and a unit such as "512mb"`, "")
	}
	if strings.ContainsAny(s, " \t") {
		e := spaceError(KindSize, s, stripSpaces(s))
		if _, err := ParseSize(e.Suggestion); err != nil {
			e.Suggestion = ""
		}
		return 0, e
	}
	num, rest, ok := scanDecimal(s)
	if !ok {
		return 0, malformedSize(s)
	}
	if rest == "" {
		return 0, bareSize(s, num)
	}
	unit, ok := lookupSizeUnit(rest)
	if !ok {
		return 0, unknownSizeUnit(s, num, rest)
	}
	return scaleSize(s, num, unit)
}

// scaleSize converts num×unit to bytes, rejecting fractions of a byte and
// values beyond int64.
func scaleSize(s string, num decimal, unit sizeUnit) (int64, error) {
	v := num.rat()
	v.Mul(v, ratOf(unit.size))
	if !v.IsInt() {
		return 0, newError(KindSize, s, "it is not a whole number of bytes", "")
	}
	if !v.Num().IsInt64() {
		return 0, newError(KindSize, s, "it is too large (the limit is 8388607tb)", "")
	}
	return v.Num().Int64(), nil
}

// lookupSizeUnit finds a unit by case-insensitive name.
func lookupSizeUnit(name string) (sizeUnit, bool) {
	lower := strings.ToLower(name)
	for _, u := range sizeUnits {
		if u.name == lower {
			return u, true
		}
	}
	return sizeUnit{}, false
}

// bareSize handles "16384": the suggestion is the same byte count written
// with the largest exact unit ("16kb").
func bareSize(s string, num decimal) error {
	if n, ok := num.scale(1); ok && num.fracPart == "" {
		return suggestUnit(KindSize, s, FormatSize(n))
	}
	fix := num.text() + "mb"
	if _, err := ParseSize(fix); err != nil {
		return newError(KindSize, s, `add a unit such as "512mb"`, "")
	}
	return suggestUnit(KindSize, s, fix)
}

// unknownSizeUnit explains a unit that is not b/kb/mb/gb/tb. The one-letter
// forms ("2g", "512m") are refused because Redis reads them as powers of
// 1000 while "2gb" is a power of 1024; the fix spells out the binary unit.
func unknownSizeUnit(s string, num decimal, unit string) error {
	lower := strings.ToLower(unit)
	fixes := map[string]string{
		"k": "kb", "m": "mb", "g": "gb", "t": "tb",
		"kib": "kb", "mib": "mb", "gib": "gb", "tib": "tb",
		"ki": "kb", "mi": "mb", "gi": "gb", "ti": "tb",
		"byte": "b", "bytes": "b",
	}
	if fix, ok := fixes[lower]; ok {
		fixed := num.text() + fix
		if _, err := ParseSize(fixed); err != nil {
			fixed = ""
		}
		return newError(KindSize, s, "write the unit as "+quote(fix)+" (1024-based)", fixed)
	}
	return newError(KindSize, s, "unknown unit "+quote(unit)+"; use b, kb, mb, gb or tb", "")
}

// malformedSize is the catch-all message for text that is not a size.
func malformedSize(s string) error {
	return newError(KindSize, s, `write a number and a unit such as "512mb" or "2gb"`, "")
}

// FormatSize writes n bytes with the largest unit that keeps the value exact
// within three fraction digits: 16384 → "16kb", 1536 → "1.5kb",
// 2147483648 → "2gb", 1000 → "1000b". ParseSize(FormatSize(n)) == n for n ≥ 0.
func FormatSize(n int64) string {
	if n < 0 {
		if n == -n { // math.MinInt64 has no positive counterpart
			return itoa(n) + "b"
		}
		return "-" + FormatSize(-n)
	}
	for _, u := range sizeUnits {
		if n < u.size {
			continue
		}
		if s, ok := exactDecimal(n, u.size, 3); ok {
			return s + u.name
		}
	}
	return itoa(n) + "b"
}
