package model

import "testing"

// NormalizeName returns names that are already normal as they are, and
// lowercases and drops '-' and '_' otherwise (Unicode letters included).
func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"orderservice":   "orderservice",
		"OrderService":   "orderservice",
		"order-service":  "orderservice",
		"order_service":  "orderservice",
		"Order_Service2": "orderservice2",
		"ÜberDienst":     "überdienst",
		"über-dienst":    "überdienst",
		"":               "",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { NormalizeName("orderservice") }); n != 0 {
		t.Errorf("a normal name allocates %v times", n)
	}
}

// Label reads "kind name" out of the header when it is written that way,
// and joins the parts otherwise.
func TestLabel(t *testing.T) {
	for text, want := range map[string]string{
		"retry R { }":     "retry R",
		"retry   R { }":   "retry R",
		"retry\n R { }":   "retry R",
		"fault_tolerance": "fault_tolerance",
	} {
		f, _ := Build("l.dpl", []byte(text), nil)
		if len(f.Blocks) != 1 {
			t.Fatalf("%q: %d blocks", text, len(f.Blocks))
		}
		if got := f.Blocks[0].Label(); got != want {
			t.Errorf("%q: Label() = %q, want %q", text, got, want)
		}
	}
}

// A string's value is its one piece as written, or its pieces joined with
// the escapes decoded; Raw is the text between the quotes.
func TestStringValue(t *testing.T) {
	for src, want := range map[string][2]string{
		`a b { k: "plain" }`:         {"plain", "plain"},
		`a b { k: "" }`:              {"", ""},
		`a b { k: "\n" }`:            {"\n", `\n`},
		`a b { k: "x\"y\u0041z\\" }`: {`x"yAz\`, `x\"y\u0041z\\`},
		`a b { k: "tab\there" }`:     {"tab\there", `tab\there`},
	} {
		f, _ := Build("s.dpl", []byte(src), nil)
		s, ok := f.Blocks[0].Body.Members[0].Value.(*String)
		if !ok {
			t.Fatalf("%s: value is %T", src, f.Blocks[0].Body.Members[0].Value)
		}
		if s.Value != want[0] || s.Raw != want[1] {
			t.Errorf("%s: Value %q Raw %q, want %q %q", src, s.Value, s.Raw, want[0], want[1])
		}
	}
}
