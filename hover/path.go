package hover

import (
	"path/filepath"
	"strings"
)

// displayPath shows file relative to the deepest root that holds it, or by
// base name: absolute paths are long, and they differ between machines.
func displayPath(roots []string, file string) string {
	best := ""
	for _, r := range roots {
		rel, err := filepath.Rel(r, file)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			continue
		}
		if best == "" || len(rel) < len(best) {
			best = rel
		}
	}
	if best != "" {
		return filepath.ToSlash(best)
	}
	return filepath.Base(file)
}
