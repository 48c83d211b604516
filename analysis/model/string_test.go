package model

import "testing"

func TestValueOffset(t *testing.T) {
	// Source: `x: "a\"b\u00e9c"` with the string starting at offset 3.
	raw := `a\"b\u00e9c`
	s := &String{Span: Span{3, 3 + len(raw) + 2}, Raw: raw, Value: "a\"béc"}
	for _, tc := range []struct{ i, want int }{
		{0, 4},  // a
		{1, 5},  // \"
		{2, 7},  // b
		{3, 8},  // \u00e9 (two bytes of value)
		{5, 14}, // c
		{6, 15}, // past the end: the closing quote
	} {
		if got := s.ValueOffset(tc.i); got != tc.want {
			t.Errorf("ValueOffset(%d) = %d, want %d", tc.i, got, tc.want)
		}
	}
	plain := &String{Span: Span{10, 17}, Raw: "hello", Value: "hello"}
	if got := plain.ValueOffset(2); got != 13 {
		t.Errorf("plain ValueOffset(2) = %d, want 13", got)
	}
}
