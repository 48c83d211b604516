package units

import (
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// decimal is an unsigned decimal number split into its integer and fraction
// digits. Parsers keep the digits instead of a float64 so that "0.1s" or
// "1.5gb" convert to exact integers of the base unit.
type decimal struct {
	intPart  string
	fracPart string
}

// scanDecimal reads digits [ "." digits ] from the start of s and returns the
// number and the rest of s. ok is false when s does not start with a digit or
// when a "." is not followed by a digit.
func scanDecimal(s string) (d decimal, rest string, ok bool) {
	i := countDigits(s)
	if i == 0 {
		return decimal{}, s, false
	}
	d.intPart = s[:i]
	rest = s[i:]
	if !strings.HasPrefix(rest, ".") {
		return d, rest, true
	}
	j := countDigits(rest[1:])
	if j == 0 {
		return decimal{}, s, false
	}
	d.fracPart = rest[1 : 1+j]
	return d, rest[1+j:], true
}

// countDigits returns the length of the run of ASCII digits that starts s.
func countDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// small returns d as num/den with den a power of ten, when both fit in a
// uint64 without rounding (at most 18 digits in all).
func (d decimal) small() (num, den uint64, ok bool) {
	if len(d.intPart)+len(d.fracPart) > 18 {
		return 0, 0, false
	}
	den = 1
	for _, part := range [2]string{d.intPart, d.fracPart} {
		for i := 0; i < len(part); i++ {
			num = num*10 + uint64(part[i]-'0')
		}
	}
	for range len(d.fracPart) {
		den *= 10
	}
	return num, den, true
}

// rat returns the exact value of d.
func (d decimal) rat() *big.Rat {
	r, _ := new(big.Rat).SetString(d.text())
	return r
}

// text returns the number as written.
func (d decimal) text() string {
	if d.fracPart == "" {
		return d.intPart
	}
	return d.intPart + "." + d.fracPart
}

// scale multiplies d by unit and returns the result truncated toward zero.
// ok is false when the result does not fit in an int64.
func (d decimal) scale(unit int64) (int64, bool) {
	if num, den, ok := d.small(); ok && unit > 0 {
		// The usual case in 128-bit integers: big.Rat allocates, and
		// analysis converts every duration and size of a workspace.
		hi, lo := bits.Mul64(num, uint64(unit))
		if hi < den {
			q, _ := bits.Div64(hi, lo, den)
			return int64(q), q <= 1<<63-1
		}
	}
	v := new(big.Rat).Mul(d.rat(), new(big.Rat).SetInt64(unit))
	q := new(big.Int).Quo(v.Num(), v.Denom())
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}

// exactDecimal formats n/unit as a decimal with at most maxFrac fraction
// digits. ok is false when the quotient needs more digits than that, so the
// caller can fall back to a smaller unit and keep the text exact.
func exactDecimal(n, unit int64, maxFrac int) (string, bool) {
	whole, rem := n/unit, n%unit
	if rem == 0 {
		return itoa(whole), true
	}
	var frac strings.Builder
	for i := 0; i < maxFrac && rem != 0; i++ {
		rem *= 10
		frac.WriteByte(byte('0' + rem/unit))
		rem %= unit
	}
	if rem != 0 {
		return "", false
	}
	return itoa(whole) + "." + frac.String(), true
}

// itoa formats an int64.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// ratOf returns n as a big.Rat.
func ratOf(n int64) *big.Rat { return new(big.Rat).SetInt64(n) }
