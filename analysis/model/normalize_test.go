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
