package format

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/internal/testgen"
)

// seedFiles are the draft's examples, which the language reference shows
// in canonical form.
func seedFiles(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(testgen.SeedDir(), "*.dpl"))
	if len(files) == 0 {
		t.Fatal("no seed files in", testgen.SeedDir())
	}
	return files
}

// notYetCanonical lists the seed files copied from the draft with a layout
// slip, and the slip. Formatting the copy (`dpls fmt -w`) fixes it; the
// entry must then go, which the test enforces.
var notYetCanonical = map[string]string{}

// TestSeedsAreCanonical keeps the examples in `dpls fmt` form, so that the
// documentation never shows a layout the formatter would change.
func TestSeedsAreCanonical(t *testing.T) {
	for _, path := range seedFiles(t) {
		src := readFile(t, path)
		got, err := Source(src, Options{})
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		checkFormatted(t, src, got, Options{})
		slip, listed := notYetCanonical[filepath.Base(path)]
		switch canonical := bytes.Equal(got, src); {
		case !canonical && !listed:
			t.Errorf("%s is not in canonical form; edits: %+v", path, mustEdits(t, src))
		case canonical && listed:
			t.Errorf("%s is canonical now: remove it from notYetCanonical", path)
		case !canonical:
			t.Logf("%s: not yet canonical (%s)", path, slip)
		}
	}
}

func mustEdits(t testing.TB, src []byte) []Edit {
	edits, err := Edits(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return edits
}
