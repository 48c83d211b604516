package format

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the formatter's output")

// goldenOptions are the options a golden case runs with, chosen by a tag in
// its file name: `x.tabs.dpl` indents with tabs, `x.indent4.dpl` by four.
func goldenOptions(name string) Options {
	switch {
	case strings.Contains(name, ".tabs."):
		return Options{UseTabs: true}
	case strings.Contains(name, ".indent4."):
		return Options{IndentWidth: 4}
	case strings.Contains(name, ".width40."):
		return Options{LineWidth: 40}
	}
	return Options{}
}

// TestGolden formats every testdata/*.dpl and compares with its .golden,
// then checks the properties every output must have.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.dpl")
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata")
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src := readFile(t, in)
			opts := goldenOptions(in)
			got, err := Source(src, opts)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(in, ".dpl") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := readFile(t, golden); !bytes.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			checkFormatted(t, src, got, opts)
		})
	}
}

// checkFormatted checks what must hold of any formatting: nothing lost or
// reordered, idempotence, and edits that reproduce the output.
func checkFormatted(t *testing.T, src, got []byte, opts Options) {
	t.Helper()
	if err := Verify(src, got); err != nil {
		t.Fatalf("%v\ninput:\n%s\noutput:\n%s", err, src, got)
	}
	again, err := Source(got, opts)
	if err != nil {
		t.Fatalf("output does not format: %v", err)
	}
	if !bytes.Equal(again, got) {
		t.Fatalf("not idempotent:\nfirst:\n%q\nsecond:\n%q", got, again)
	}
	edits, err := Edits(src, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		if gap := src[e.Start:e.End]; len(bytes.TrimFunc(gap, isGapByte)) > 0 {
			t.Fatalf("edit %+v replaces more than whitespace and commas: %q", e, gap)
		}
	}
	if applied := Apply(src, edits); !bytes.Equal(applied, got) {
		t.Fatalf("edits give:\n%q\nSource gives:\n%q", applied, got)
	}
	if edits, _ := Edits(got, opts); len(edits) != 0 {
		t.Fatalf("formatted text still has edits: %+v", edits)
	}
}

// isGapByte reports whether r may lie between two tokens: whitespace or an
// optional comma, the only text formatting may change.
func isGapByte(r rune) bool { return r == ',' || unicode.IsSpace(r) }

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
