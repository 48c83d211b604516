package units

import (
	"math/big"
	"strconv"
	"strings"
)

// QuantityFormat is the suffix family of a Kubernetes quantity.
type QuantityFormat int

// The three suffix families of Kubernetes' resource.Quantity.
const (
	DecimalSI       QuantityFormat = iota // "", n, u, m, k, M, G, T, P, E
	BinarySI                              // Ki, Mi, Gi, Ti, Pi, Ei
	DecimalExponent                       // e3, E-2
)

// Quantity is a parsed Kubernetes resource quantity ("100m", "128Mi", "2",
// "1e3"). Value is exact, in base units (cores for CPU, bytes for memory),
// so request ≤ limit checks compare "1" with "500m" correctly. Suffix is
// kept so the analyzer can catch a memory value written in millis
// ("400m" = 0.4 bytes, rule K8002).
type Quantity struct {
	Text   string
	Number string
	Suffix string
	Format QuantityFormat
	Value  *big.Rat
}

// Cmp compares the values of q and o: -1, 0 or +1.
func (q Quantity) Cmp(o Quantity) int { return q.Value.Cmp(o.Value) }

// Float64 returns the value in base units, rounded to the nearest float64.
func (q Quantity) Float64() float64 {
	f, _ := q.Value.Float64()
	return f
}

// IsMilli reports the "m" (1/1000) suffix: natural for CPU, almost always a
// typo for "Mi" on memory.
func (q Quantity) IsMilli() bool { return q.Suffix == "m" }

// String returns the quantity as written.
func (q Quantity) String() string { return q.Text }

// quantitySuffixes maps every DecimalSI and BinarySI suffix to its factor as
// a power: base^exp.
var quantitySuffixes = map[string]struct {
	format    QuantityFormat
	base, exp int64
}{
	"": {DecimalSI, 10, 0}, "n": {DecimalSI, 10, -9}, "u": {DecimalSI, 10, -6},
	"m": {DecimalSI, 10, -3}, "k": {DecimalSI, 10, 3}, "M": {DecimalSI, 10, 6},
	"G": {DecimalSI, 10, 9}, "T": {DecimalSI, 10, 12}, "P": {DecimalSI, 10, 15},
	"E":  {DecimalSI, 10, 18},
	"Ki": {BinarySI, 2, 10}, "Mi": {BinarySI, 2, 20}, "Gi": {BinarySI, 2, 30},
	"Ti": {BinarySI, 2, 40}, "Pi": {BinarySI, 2, 50}, "Ei": {BinarySI, 2, 60},
}

// maxQuantityExponent bounds "1e<n>" so a hostile exponent cannot make the
// exact arithmetic allocate without limit; Kubernetes caps far lower in
// practice (values must fit its int64 scaled representation).
const maxQuantityExponent = 64

// ParseQuantity parses Kubernetes resource quantity syntax: an optionally
// signed decimal number followed by a DecimalSI suffix (n u m k M G T P E or
// none), a BinarySI suffix (Ki Mi Gi Ti Pi Ei) or a decimal exponent (e3,
// E-2). As in Kubernetes, "1E" is one exa but "1E3" is 1000, and "1K" is
// invalid. No spaces are allowed.
func ParseQuantity(s string) (Quantity, error) {
	if s == "" {
		return Quantity{}, newError(KindQuantity, s, `it is empty; write a quantity such as "500m" or "128Mi"`, "")
	}
	if strings.ContainsAny(s, " \t") {
		fixed := stripSpaces(s)
		if _, err := ParseQuantity(fixed); err != nil {
			fixed = ""
		}
		return Quantity{}, spaceError(KindQuantity, s, fixed)
	}
	sign := ""
	body := s
	if s[0] == '+' || s[0] == '-' {
		sign, body = s[:1], s[1:]
	}
	num, suffix, ok := scanQuantityNumber(body)
	if !ok {
		return Quantity{}, malformedQuantity(s)
	}
	factor, format, ok := quantityFactor(suffix)
	if !ok {
		return Quantity{}, badQuantitySuffix(s, suffix)
	}
	v := num.rat()
	v.Mul(v, factor)
	if sign == "-" {
		v.Neg(v)
	}
	return Quantity{Text: s, Number: sign + num.text(), Suffix: suffix, Format: format, Value: v}, nil
}

// scanQuantityNumber reads the number part; unlike DPL numbers, Kubernetes
// also allows ".5" and "5.", so both are accepted here.
func scanQuantityNumber(s string) (decimal, string, bool) {
	i := countDigits(s)
	d := decimal{intPart: s[:i]}
	rest := s[i:]
	if strings.HasPrefix(rest, ".") {
		j := countDigits(rest[1:])
		d.fracPart = rest[1 : 1+j]
		rest = rest[1+j:]
	}
	if d.intPart == "" && d.fracPart == "" {
		return decimal{}, s, false
	}
	if d.intPart == "" {
		d.intPart = "0"
	}
	return d, rest, true
}

// quantityFactor returns the multiplier a suffix stands for.
func quantityFactor(suffix string) (*big.Rat, QuantityFormat, bool) {
	if f, ok := quantitySuffixes[suffix]; ok {
		return pow(f.base, f.exp), f.format, true
	}
	if len(suffix) < 2 || (suffix[0] != 'e' && suffix[0] != 'E') {
		return nil, 0, false
	}
	exp, err := strconv.ParseInt(suffix[1:], 10, 64)
	if err != nil || exp > maxQuantityExponent || exp < -maxQuantityExponent {
		return nil, 0, false
	}
	return pow(10, exp), DecimalExponent, true
}

// pow returns base^exp as an exact rational (exp may be negative).
func pow(base, exp int64) *big.Rat {
	abs := exp
	if abs < 0 {
		abs = -abs
	}
	p := new(big.Int).Exp(big.NewInt(base), big.NewInt(abs), nil)
	if exp < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}

// badQuantitySuffix explains an unknown suffix and repairs the usual slips:
// "1K" → "1k", "128mi"/"128MB" → "128Mi", "1gb" → "1Gi".
func badQuantitySuffix(s, suffix string) error {
	fixes := map[string]string{
		"K": "k", "ki": "Ki", "KB": "Ki", "kb": "Ki", "Kb": "Ki",
		"mi": "Mi", "MB": "Mi", "mb": "Mi", "Mb": "Mi",
		"gi": "Gi", "GB": "Gi", "gb": "Gi", "Gb": "Gi",
		"ti": "Ti", "TB": "Ti", "tb": "Ti", "Tb": "Ti",
	}
	prefix := strings.TrimSuffix(s, suffix)
	if fix, ok := fixes[suffix]; ok {
		return newError(KindQuantity, s, "unknown suffix "+quote(suffix)+"; write "+quote(fix), prefix+fix)
	}
	return newError(KindQuantity, s, "unknown suffix "+quote(suffix)+
		"; use m, k, M, G, T (powers of 1000) or Ki, Mi, Gi, Ti (powers of 1024)", "")
}

// malformedQuantity is the catch-all message for text that is not a quantity.
func malformedQuantity(s string) error {
	return newError(KindQuantity, s, `write a number with an optional suffix such as "500m", "2" or "128Mi"`, "")
}
