package units

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestScaleMatchesRat checks scale's integer path against the exact
// big.Rat computation it stands in for.
func TestScaleMatchesRat(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	units := []int64{1, 1000, 1_000_000, 1_000_000_000, 60_000_000_000, 3_600_000_000_000, 86_400_000_000_000, 1 << 40}
	for range 200000 {
		d := decimal{intPart: digits(1 + r.IntN(12))}
		if r.IntN(2) == 0 {
			d.fracPart = digits(1 + r.IntN(9))
		}
		unit := units[r.IntN(len(units))]
		got, gotOK := d.scale(unit)
		v := new(big.Rat).Mul(d.rat(), new(big.Rat).SetInt64(unit))
		q := new(big.Int).Quo(v.Num(), v.Denom())
		if want, wantOK := q.Int64(), q.IsInt64(); gotOK != wantOK || (wantOK && got != want) {
			t.Fatalf("%s.%s × %d = %d, %v; want %d, %v", d.intPart, d.fracPart, unit, got, gotOK, want, wantOK)
		}
	}
}
