package format

import (
	"errors"
	"testing"
)

// TestSyntaxErrorRefused checks that no entry point touches a file that does
// not parse, and that the error says where and what.
func TestSyntaxErrorRefused(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
	}{
		{"fault_tolerance A {\n  retry: 5\n", 2, 11},
		{"fault_tolerance A {\n  retry: \n}\n", 2, 9},
		{"fault_tolerance A {\n  retry: 5 }\n}\n", 3, 1},
		{"a b { c: [1, 2 }\n", 1, 15},
		{"a b { c: \"x }\n", 1, 1},
		{"fault_tolerance\n", 1, 1},
	}
	for _, c := range cases {
		_, err := Source([]byte(c.src), Options{})
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want a *SyntaxError", c.src, err)
			continue
		}
		if se.Msg == "" || se.Line != c.line || se.Col != c.col {
			t.Errorf("%q: got %v, want it at %d:%d", c.src, se, c.line, c.col)
		}
		if _, err := Edits([]byte(c.src), Options{}); !errors.As(err, &se) {
			t.Errorf("%q: Edits gave %v", c.src, err)
		}
		if _, err := Range([]byte(c.src), 0, len(c.src), Options{}); !errors.As(err, &se) {
			t.Errorf("%q: Range gave %v", c.src, err)
		}
	}
}
