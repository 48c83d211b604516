package units

import (
	"errors"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"100ms", 100 * time.Millisecond},
		{"2s", 2 * time.Second},
		{"5m", 5 * time.Minute},
		{"1h", time.Hour},
		{"7d", 7 * Day},
		{"1m30s", 90 * time.Second},
		{"1h30m", 90 * time.Minute},
		{"1.5s", 1500 * time.Millisecond},
		{"0.1s", 100 * time.Millisecond},
		{"250us", 250 * time.Microsecond},
		{"10ns", 10},
		{"0s", 0},
		{"1d2h3m4s5ms6us7ns", Day + 2*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Millisecond + 6*time.Microsecond + 7},
		{"1.5ns", 1},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDurationErrors(t *testing.T) {
	tests := []struct {
		in, msg, suggestion string
	}{
		{"10", `"10" is not a duration: add a unit such as "10s"`, "10s"},
		{"10 s", `"10 s" is not a duration: remove the space ("10s")`, "10s"},
		{"", `"" is not a duration: it is empty; write a number and a unit such as "10s"`, ""},
		{"-1s", `"-1s" is not a duration: durations cannot be signed`, "1s"},
		{"5mins", `"5mins" is not a duration: unknown unit "mins"; write "m"`, "5m"},
		{"10sec", `"10sec" is not a duration: unknown unit "sec"; write "s"`, "10s"},
		{"10MS", `"10MS" is not a duration: unknown unit "MS"; write "ms"`, "10ms"},
		{"10x", `"10x" is not a duration: unknown unit "x"; use d, h, m, s, ms, us or ns`, ""},
		{"30s1m", `"30s1m" is not a duration: units must go from largest to smallest, each once`, "1m30s"},
		{"1s1s", `"1s1s" is not a duration: units must go from largest to smallest, each once`, "2s"},
		{"s", `"s" is not a duration: write a number and a unit such as "500ms", "10s" or "1m30s"`, ""},
		{"1.s", `"1.s" is not a duration: write a number and a unit such as "500ms", "10s" or "1m30s"`, ""},
		{".5s", `".5s" is not a duration: write a number and a unit such as "500ms", "10s" or "1m30s"`, ""},
		{"99999999999d", `"99999999999d" is not a duration: it is too large (the limit is about 106751d)`, ""},
		{"1 x", `"1 x" is not a duration: remove the space ("1x")`, ""},
	}
	for _, tt := range tests {
		_, err := ParseDuration(tt.in)
		var ue *Error
		if !errors.As(err, &ue) {
			t.Errorf("ParseDuration(%q): want *Error, got %v", tt.in, err)
			continue
		}
		if ue.Msg != tt.msg || ue.Suggestion != tt.suggestion || ue.Kind != KindDuration || ue.Input != tt.in {
			t.Errorf("ParseDuration(%q) = %+v; want msg %q suggestion %q", tt.in, ue, tt.msg, tt.suggestion)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"},
		{90 * time.Second, "1m30s"},
		{6300 * time.Millisecond, "6.3s"},
		{100 * time.Millisecond, "100ms"},
		{604800 * time.Second, "7d"},
		{5 * time.Minute, "5m"},
		{90 * time.Minute, "1h30m"},
		{time.Hour, "1h"},
		{25 * time.Hour, "1d1h"},
		{1500 * time.Microsecond, "1.5ms"},
		{1, "1ns"},
		{999, "999ns"},
		{1001, "1.001us"},
		{time.Minute + 500*time.Millisecond, "1m500ms"},
		{time.Minute + 1500*time.Millisecond, "1m1.5s"},
		{59*time.Second + 999*time.Millisecond, "59.999s"},
		{-2 * time.Second, "-2s"},
		{Day + time.Second, "1d1s"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.in); got != tt.want {
			t.Errorf("FormatDuration(%d) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatDurationExtremes(t *testing.T) {
	for _, d := range []time.Duration{1<<63 - 1, -1 << 63} {
		if FormatDuration(d) == "" {
			t.Errorf("FormatDuration(%d) is empty", d)
		}
	}
	max := time.Duration(1<<63 - 1)
	if got, err := ParseDuration(FormatDuration(max)); err != nil || got != max {
		t.Errorf("round trip of max duration: %v, %v", got, err)
	}
}
