package hover

import (
	"path/filepath"
	"testing"
)

func TestDisplayPath(t *testing.T) {
	root := filepath.FromSlash("/ws")
	nested := filepath.FromSlash("/ws/svc")
	for _, tc := range []struct {
		roots []string
		file  string
		want  string
	}{
		{[]string{root}, "/ws/svc/orders.dpl", "svc/orders.dpl"},
		{[]string{root, nested}, "/ws/svc/orders.dpl", "orders.dpl"},
		{[]string{nested}, "/elsewhere/orders.dpl", "orders.dpl"},
		{nil, "/ws/svc/orders.dpl", "orders.dpl"},
		{[]string{root}, "/ws2/a.dpl", "a.dpl"},
	} {
		if got := displayPath(tc.roots, filepath.FromSlash(tc.file)); got != tc.want {
			t.Errorf("displayPath(%q, %q) = %q, want %q", tc.roots, tc.file, got, tc.want)
		}
	}
}
