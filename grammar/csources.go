package grammar

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
)

// cSources are the C files compiled from subdirectories: the generated
// parser (through parser.c) and tree-sitter's internal headers vendored for
// flatwalk.c. Go's build cache does not see files included from a
// subdirectory, so their hash is written into csources_hash.go: any change
// to them changes a Go file and forces a rebuild.
var cSources = []string{
	"src/parser.c", "src/scanner.c", "src/tree_sitter/parser.h",
	"internal/tsruntime/alloc.h", "internal/tsruntime/api.h", "internal/tsruntime/array.h",
	"internal/tsruntime/error_costs.h", "internal/tsruntime/host.h", "internal/tsruntime/language.h",
	"internal/tsruntime/length.h", "internal/tsruntime/parser.h", "internal/tsruntime/point.h",
	"internal/tsruntime/subtree.h", "internal/tsruntime/tree.h",
}

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
