package units

import (
	"errors"
	"math/big"
	"testing"
)

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in     string
		want   string // exact value as a rational
		suffix string
		format QuantityFormat
	}{
		{"100m", "1/10", "m", DecimalSI},
		{"128Mi", "134217728", "Mi", BinarySI},
		{"2", "2", "", DecimalSI},
		{"1.5", "3/2", "", DecimalSI},
		{"1e3", "1000", "e3", DecimalExponent},
		{"1E3", "1000", "E3", DecimalExponent},
		{"1E", "1000000000000000000", "E", DecimalSI},
		{"500M", "500000000", "M", DecimalSI},
		{"1Gi", "1073741824", "Gi", BinarySI},
		{"400m", "2/5", "m", DecimalSI},
		{"1k", "1000", "k", DecimalSI},
		{".5", "1/2", "", DecimalSI},
		{"-1", "-1", "", DecimalSI},
		{"5e-3", "1/200", "e-3", DecimalExponent},
		{"10n", "1/100000000", "n", DecimalSI},
	}
	for _, tt := range tests {
		q, err := ParseQuantity(tt.in)
		if err != nil {
			t.Errorf("ParseQuantity(%q): %v", tt.in, err)
			continue
		}
		want, _ := new(big.Rat).SetString(tt.want)
		if q.Value.Cmp(want) != 0 || q.Suffix != tt.suffix || q.Format != tt.format || q.String() != tt.in {
			t.Errorf("ParseQuantity(%q) = %+v (%s); want %s %q", tt.in, q, q.Value, tt.want, tt.suffix)
		}
	}
}

func TestQuantityCompare(t *testing.T) {
	one, _ := ParseQuantity("1")
	half, _ := ParseQuantity("500m")
	if one.Cmp(half) != 1 || half.Cmp(one) != -1 || one.Cmp(one) != 0 {
		t.Error("1 vs 500m compares wrongly")
	}
	mem, _ := ParseQuantity("400m")
	if !mem.IsMilli() || mem.Float64() != 0.4 {
		t.Errorf("400m: IsMilli %v Float64 %v", mem.IsMilli(), mem.Float64())
	}
	mi, _ := ParseQuantity("128Mi")
	m, _ := ParseQuantity("128M")
	if mi.Cmp(m) != 1 || mi.IsMilli() {
		t.Error("128Mi must exceed 128M and not be milli")
	}
}

func TestParseQuantityErrors(t *testing.T) {
	tests := []struct{ in, msg, suggestion string }{
		{"1K", `"1K" is not a quantity: unknown suffix "K"; write "k"`, "1k"},
		{"128MB", `"128MB" is not a quantity: unknown suffix "MB"; write "Mi"`, "128Mi"},
		{"1gb", `"1gb" is not a quantity: unknown suffix "gb"; write "Gi"`, "1Gi"},
		{"100 m", `"100 m" is not a quantity: remove the space ("100m")`, "100m"},
		{"1x", `"1x" is not a quantity: unknown suffix "x"; use m, k, M, G, T (powers of 1000) or Ki, Mi, Gi, Ti (powers of 1024)`, ""},
		{"1e999", `"1e999" is not a quantity: unknown suffix "e999"; use m, k, M, G, T (powers of 1000) or Ki, Mi, Gi, Ti (powers of 1024)`, ""},
		{"Mi", `"Mi" is not a quantity: write a number with an optional suffix such as "500m", "2" or "128Mi"`, ""},
		{".", `"." is not a quantity: write a number with an optional suffix such as "500m", "2" or "128Mi"`, ""},
		{"", `"" is not a quantity: it is empty; write a quantity such as "500m" or "128Mi"`, ""},
	}
	for _, tt := range tests {
		_, err := ParseQuantity(tt.in)
		var ue *Error
		if !errors.As(err, &ue) || ue.Msg != tt.msg || ue.Suggestion != tt.suggestion || ue.Kind != KindQuantity {
			t.Errorf("ParseQuantity(%q) error = %+v; want %q / %q", tt.in, err, tt.msg, tt.suggestion)
		}
	}
}
