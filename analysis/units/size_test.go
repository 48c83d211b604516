package units

import (
	"errors"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"2gb", 2147483648},
		{"16kb", 16384},
		{"10gb", 10 << 30},
		{"1b", 1},
		{"1TB", 1 << 40},
		{"512Mb", 512 << 20},
		{"1.5kb", 1536},
		{"0b", 0},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseSizeErrors(t *testing.T) {
	tests := []struct {
		in, msg, suggestion string
	}{
		{"10 gb", `"10 gb" is not a size: remove the space ("10gb")`, "10gb"},
		{"16384", `"16384" is not a size: add a unit such as "16kb"`, "16kb"},
		{"10", `"10" is not a size: add a unit such as "10b"`, "10b"},
		{"1.5", `"1.5" is not a size: add a unit such as "1.5mb"`, "1.5mb"},
		{"2g", `"2g" is not a size: write the unit as "gb" (1024-based)`, "2gb"},
		{"128Mi", `"128Mi" is not a size: write the unit as "mb" (1024-based)`, "128mb"},
		{"2xb", `"2xb" is not a size: unknown unit "xb"; use b, kb, mb, gb or tb`, ""},
		{"0.3b", `"0.3b" is not a size: it is not a whole number of bytes`, ""},
		{"gb", `"gb" is not a size: write a number and a unit such as "512mb" or "2gb"`, ""},
		{"", `"" is not a size: it is empty; write a number and a unit such as "512mb"`, ""},
		{"99999999tb", `"99999999tb" is not a size: it is too large (the limit is 8388607tb)`, ""},
	}
	for _, tt := range tests {
		_, err := ParseSize(tt.in)
		var ue *Error
		if !errors.As(err, &ue) || ue.Msg != tt.msg || ue.Suggestion != tt.suggestion || ue.Kind != KindSize {
			t.Errorf("ParseSize(%q) error = %+v; want %q / %q", tt.in, err, tt.msg, tt.suggestion)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0b"},
		{1, "1b"},
		{1000, "1000b"},
		{1024, "1kb"},
		{1536, "1.5kb"},
		{16384, "16kb"},
		{2147483648, "2gb"},
		{10 << 30, "10gb"},
		{1 << 40, "1tb"},
		{-1024, "-1kb"},
		{1025, "1025b"},
	}
	for _, tt := range tests {
		if got := FormatSize(tt.in); got != tt.want {
			t.Errorf("FormatSize(%d) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
