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
