package istio

import (
	"net/http"
	"testing"
)

// TestKnownStatusMatchesNetHTTP keeps knownStatus equal to the table
// Istio's validation consults (http.StatusText).
func TestKnownStatusMatchesNetHTTP(t *testing.T) {
	for code := 0; code < 1000; code++ {
		if got, want := knownStatus(code), http.StatusText(code) != ""; got != want {
			t.Errorf("knownStatus(%d) = %v, net/http says %v", code, got, want)
		}
	}
}
