package format

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/internal/testgen"
)

// FuzzFormat checks on any input that parses what formatting promises (the
// corpus holds the seed examples, the golden cases and generated files): no
// panic, the same tree and tokens (comments in order) afterwards, a fixed
// point, edits that reproduce the output, and range edits that keep the
// tree. Input that does not parse must be refused with a *SyntaxError.
func FuzzFormat(f *testing.F) {
	for _, pattern := range []string{filepath.Join(testgen.SeedDir(), "*.dpl"), "testdata/*.dpl"} {
		files, _ := filepath.Glob(pattern)
		for _, path := range files {
			f.Add(readFile(f, path), uint8(0), uint16(0), uint16(40))
		}
	}
	for seed := range 20 {
		g := &generator{r: rand.New(rand.NewPCG(uint64(seed), 7))}
		f.Add([]byte(g.file()), uint8(seed*13), uint16(seed), uint16(seed*50))
	}
	f.Fuzz(func(t *testing.T, src []byte, style uint8, start, end uint16) {
		opts := Options{IndentWidth: int(style % 5), UseTabs: style&8 != 0, LineWidth: int(style / 16 * 8)}
		got, err := Source(src, opts)
		var se *SyntaxError
		if err != nil {
			if !errors.As(err, &se) {
				t.Fatalf("error is not a *SyntaxError: %v", err)
			}
			return
		}
		checkFormatted(t, src, got, opts)
		checkRange(t, src, int(start)%(len(src)+1), int(end)%(len(src)+1), opts)
	})
}

// checkRange checks that range edits keep the tree and tokens and that
// formatting the result gives the same text as formatting the input.
func checkRange(t *testing.T, src []byte, start, end int, opts Options) {
	t.Helper()
	start, end = min(start, end), max(start, end)
	edits, err := Range(src, start, end, opts)
	if err != nil {
		t.Fatal(err)
	}
	ranged := Apply(src, edits)
	if err := Verify(src, ranged); err != nil {
		t.Fatalf("range [%d,%d): %v\n%q", start, end, err, ranged)
	}
	// Range edits may remove the last LF-only line of a file otherwise in
	// CRLF, which then formats in CRLF: compare with line ends normalized.
	full, _ := Source(src, opts)
	again, _ := Source(ranged, opts)
	if crlf := []byte("\r\n"); !bytes.Equal(bytes.ReplaceAll(again, crlf, []byte("\n")), bytes.ReplaceAll(full, crlf, []byte("\n"))) {
		t.Fatalf("range [%d,%d) led away from the canonical form:\n%q\n%q", start, end, again, full)
	}
}
