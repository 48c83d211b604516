package units

import (
	"testing"
	"time"
)

// Every parser must return either a value or an *Error for any input, and a
// suggestion, when given, must itself parse: a quick fix never creates a new
// diagnostic. Where Format exists, Parse(Format(v)) must give v back.

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"10", "1m30s", "1.5s", "7d", "30s1m", "10 s", "5mins", "-1s", "1e3s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			checkSuggestion(t, err, func(x string) error { _, e := ParseDuration(x); return e })
			return
		}
		if back, err := ParseDuration(FormatDuration(d)); err != nil || back != d {
			t.Fatalf("%q → %v → %q → %v, %v", s, d, FormatDuration(d), back, err)
		}
	})
}

func FuzzFormatDuration(f *testing.F) {
	for _, n := range []int64{0, 1, 999, 1500000, 6300000000, 90000000000, 604800000000000} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		if n < 0 {
			n = -(n + 1)
		}
		d := time.Duration(n)
		if back, err := ParseDuration(FormatDuration(d)); err != nil || back != d {
			t.Fatalf("%d → %q → %v, %v", n, FormatDuration(d), back, err)
		}
	})
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"2gb", "16KB", "10 gb", "1.5kb", "16384", "2g"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err != nil {
			checkSuggestion(t, err, func(x string) error { _, e := ParseSize(x); return e })
			return
		}
		if back, err := ParseSize(FormatSize(n)); err != nil || back != n {
			t.Fatalf("%q → %d → %q → %d, %v", s, n, FormatSize(n), back, err)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"50%", "50", "12.5%", "50 %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePercent(s)
		if err != nil {
			checkSuggestion(t, err, func(x string) error { _, e := ParsePercent(x); return e })
			return
		}
		if back, err := ParsePercent(FormatPercent(p)); err != nil || back != p {
			t.Fatalf("%q → %v → %q → %v, %v", s, p, FormatPercent(p), back, err)
		}
	})
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"100m", "128Mi", "2", "1.5", "1e3", "1E", "1K", "-5e-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			checkSuggestion(t, err, func(x string) error { _, e := ParseQuantity(x); return e })
			return
		}
		if back, err := ParseQuantity(q.String()); err != nil || back.Cmp(q) != 0 {
			t.Fatalf("%q does not read back: %v", s, err)
		}
	})
}

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"1000 req/s", "100rps", "50 req/min", "1000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRate(s)
		if err != nil {
			checkSuggestion(t, err, func(x string) error { _, e := ParseRate(x); return e })
			return
		}
		if back, err := ParseRate(FormatRate(r)); err != nil || back != r {
			t.Fatalf("%q → %v → %q → %v, %v", s, r, FormatRate(r), back, err)
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"3", "1,000", "2.0", "-1", "1e3", `"1000"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, err := ParseCountLiteral(s); err != nil {
			checkSuggestion(t, err, func(x string) error { _, e := ParseCount(x); return e })
		}
	})
}

// checkSuggestion asserts err is an *Error and that its suggestion parses.
func checkSuggestion(t *testing.T, err error, parse func(string) error) {
	t.Helper()
	ue, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %v is %T, not *Error", err, err)
	}
	if ue.Msg == "" {
		t.Fatalf("empty message for %q", ue.Input)
	}
	if ue.Suggestion != "" {
		if perr := parse(ue.Suggestion); perr != nil {
			t.Fatalf("suggestion %q for %q does not parse: %v", ue.Suggestion, ue.Input, perr)
		}
	}
}
