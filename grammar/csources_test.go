package grammar

import (
	"os"
	"testing"
)

// The recorded hash must match the C sources, or Go's build cache could
// keep a stale parser (see csources.go).
func TestCSourcesHashIsFresh(t *testing.T) {
	sum, err := HashCSources(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if sum != cSourcesHash {
		t.Fatal("grammar/csources_hash.go is stale: run `go run ./grammar/internal/writehash grammar` (make grammar does)")
	}
}
