package grammar

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
)

// cSources are the C files compiled through parser.c. Go's build cache does
// not see files included from a subdirectory, so their hash is written into
// csources_hash.go: any change to them changes a Go file and forces a rebuild.
var cSources = []string{"src/parser.c", "src/scanner.c", "src/tree_sitter/parser.h"}

// HashCSources returns the hash of the C sources in the grammar directory
// fsys, as csources_hash.go records it.
func HashCSources(fsys fs.FS) (string, error) {
	h := sha256.New()
	for _, name := range cSources {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", err
		}
		h.Write([]byte(name))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
