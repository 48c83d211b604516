package grammar_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// seedDir holds every DSL example of the design draft, one per file.
var seedDir = testgen.SeedDir()

func seedFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join(seedDir, "*.dpl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no examples in %s", seedDir)
	}
	return files
}

// TestSeedsParse checks that every example of the draft parses without a
// syntax error.
func TestSeedsParse(t *testing.T) {
	for _, path := range seedFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		root := grammar.Parse(src).RootNode()
		if bad := grammar.FirstSyntaxError(root, src); bad != nil {
			p := grammar.PointAt(src, bad.Offset)
			t.Errorf("%s:%d:%d: %s", path, p.Row+1, p.Column+1, bad.Msg)
		}
		if root.ChildCount() == 0 {
			t.Errorf("%s: no blocks", path)
		}
	}
}
