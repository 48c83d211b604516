package grammar

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// cSources are the C files compiled through parser.c. Go's build cache does
// not see files included from a subdirectory, so their hash is written into
// csources_hash.go: any change to them changes a Go file and forces a rebuild.
var cSources = []string{"src/parser.c", "src/scanner.c", "src/tree_sitter/parser.h"}

// HashCSources returns the hash of the C sources under dir (the grammar
// directory), as csources_hash.go records it.
func HashCSources(dir string) (string, error) {
	h := sha256.New()
	for _, name := range cSources {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return "", err
		}
		h.Write([]byte(name))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
