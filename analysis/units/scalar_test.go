package units

import (
	"errors"
	"testing"
)

func TestParsePercent(t *testing.T) {
	good := map[string]float64{"50%": 50, "12.5%": 12.5, "0%": 0, "100%": 100, "150%": 150, "-5%": -5}
	for in, want := range good {
		if got, err := ParsePercent(in); err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := []struct{ in, msg, suggestion string }{
		{"50", `"50" is not a percent: add "%" ("50%")`, "50%"},
		{"0.5", `"0.5" is not a percent: add "%" ("0.5%")`, "0.5%"},
		{"50 %", `"50 %" is not a percent: remove the space ("50%")`, "50%"},
		{"%", `"%" is not a percent: write a number followed by "%" such as "50%"`, ""},
		{"fifty%", `"fifty%" is not a percent: write a number followed by "%" such as "50%"`, ""},
		{"50%%", `"50%%" is not a percent: write a number followed by "%" such as "50%"`, ""},
		{"", `"" is not a percent: it is empty; write a number followed by "%" such as "50%"`, ""},
	}
	for _, tt := range bad {
		_, err := ParsePercent(tt.in)
		var ue *Error
		if !errors.As(err, &ue) || ue.Msg != tt.msg || ue.Suggestion != tt.suggestion {
			t.Errorf("ParsePercent(%q) error = %+v; want %q / %q", tt.in, err, tt.msg, tt.suggestion)
		}
	}
	if got := FormatPercent(12.5); got != "12.5%" {
		t.Errorf("FormatPercent(12.5) = %q", got)
	}
}

func TestParseCount(t *testing.T) {
	good := map[string]int64{"3": 3, "1000": 1000, "0": 0, "-1": -1, "2.0": 2, "9223372036854775807": 1<<63 - 1}
	for in, want := range good {
		if got, err := ParseCount(in); err != nil || got != want {
			t.Errorf("ParseCount(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := []struct{ in, msg, suggestion string }{
		{"3.5", `"3.5" is not a count: it must be a whole number`, ""},
		{"1,000", `"1,000" is not a count: write it without separators (1000)`, "1000"},
		{"1e3", `"1e3" is not a count: write a whole number such as 3`, ""},
		{"ten", `"ten" is not a count: write a whole number such as 3`, ""},
		{"", `"" is not a count: it is empty; write a whole number such as 3`, ""},
		{"99999999999999999999", `"99999999999999999999" is not a count: it is too large`, ""},
	}
	for _, tt := range bad {
		_, err := ParseCount(tt.in)
		var ue *Error
		if !errors.As(err, &ue) || ue.Msg != tt.msg || ue.Suggestion != tt.suggestion {
			t.Errorf("ParseCount(%q) error = %+v; want %q / %q", tt.in, err, tt.msg, tt.suggestion)
		}
	}
}

func TestParseCountLiteral(t *testing.T) {
	tests := []struct {
		raw        string
		want       int64
		fromString bool
		ok         bool
	}{
		{`1000`, 1000, false, true},
		{`"1000"`, 1000, true, true},
		{`"abc"`, 0, true, false},
		{`"\q"`, 0, true, false},
	}
	for _, tt := range tests {
		n, fs, err := ParseCountLiteral(tt.raw)
		if n != tt.want || fs != tt.fromString || (err == nil) != tt.ok {
			t.Errorf("ParseCountLiteral(%s) = %d, %v, %v", tt.raw, n, fs, err)
		}
	}
}

func TestParseRate(t *testing.T) {
	good := map[string]float64{
		"1000 req/s": 1000, "1000req/s": 1000, "100rps": 100, "100 RPS": 100,
		"50 req/min": 50.0 / 60, "60 rpm": 1, "3600 req/h": 1, "2.5 qps": 2.5, "100r/s": 100,
	}
	for in, want := range good {
		if got, err := ParseRate(in); err != nil || got != want {
			t.Errorf("ParseRate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := []struct{ in, msg, suggestion string }{
		{"1000", `"1000" is not a rate: add a unit such as "1000 req/s"`, "1000 req/s"},
		{"1000  req/s", `"1000  req/s" is not a rate: write a number and a unit such as "1000 req/s" or "50 req/min"`, ""},
		{"fast", `"fast" is not a rate: write a number and a unit such as "1000 req/s" or "50 req/min"`, ""},
		{"10 req/day", `"10 req/day" is not a rate: write a number and a unit such as "1000 req/s" or "50 req/min"`, ""},
		{"", `"" is not a rate: it is empty; write a number and a unit such as "1000 req/s"`, ""},
	}
	for _, tt := range bad {
		_, err := ParseRate(tt.in)
		var ue *Error
		if !errors.As(err, &ue) || ue.Msg != tt.msg || ue.Suggestion != tt.suggestion {
			t.Errorf("ParseRate(%q) error = %+v; want %q / %q", tt.in, err, tt.msg, tt.suggestion)
		}
	}
	if got := FormatRate(1000); got != "1000 req/s" {
		t.Errorf("FormatRate(1000) = %q", got)
	}
}
