package format

import (
	"bytes"
	"strings"
	"testing"
)

const rangeSrc = "a A {\n    x:1\n}\n\n\nb B {   y :  [1,2]  }\nc C {\nz: { q: 1 }\n}"

// TestRange formats only the blocks a range touches and leaves the text
// around them, blank lines between blocks included, as it was.
func TestRange(t *testing.T) {
	cases := []struct {
		name       string
		start, end int
		want       string
	}{
		{"first block", 0, 3, "a A {\n  x: 1\n}\n\n\nb B {   y :  [1,2]  }\nc C {\nz: { q: 1 }\n}"},
		{"cursor in second", strings.Index(rangeSrc, "y :"), strings.Index(rangeSrc, "y :"),
			"a A {\n    x:1\n}\n\n\nb B {\n  y: [1, 2]\n}\nc C {\nz: { q: 1 }\n}"},
		{"second and third", strings.Index(rangeSrc, "[1"), strings.Index(rangeSrc, "q:"),
			"a A {\n    x:1\n}\n\n\nb B {\n  y: [1, 2]\n}\nc C {\n  z: { q: 1 }\n}"},
		{"between blocks", strings.Index(rangeSrc, "\n\n") + 1, strings.Index(rangeSrc, "\n\n") + 2, rangeSrc},
		{"whole file", 0, len(rangeSrc), "a A {\n  x: 1\n}\n\n\nb B {\n  y: [1, 2]\n}\nc C {\n  z: { q: 1 }\n}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			edits, err := Range([]byte(rangeSrc), c.start, c.end, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := string(Apply([]byte(rangeSrc), edits)); got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

// TestRangeCRLF keeps CRLF in a CRLF file's range edits.
func TestRangeCRLF(t *testing.T) {
	src := []byte("a A { x: 1 }\r\nb B {\r\n}\r\n")
	edits, err := Range(src, 0, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(Apply(src, edits)), "a A {\r\n  x: 1\r\n}\r\nb B {\r\n}\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEditsAreMinimal checks that re-indenting a line changes only the
// indentation, so an editor keeps the cursor on the tokens.
func TestEditsAreMinimal(t *testing.T) {
	src := []byte("a A {\n    x: 1\n  y: [1,2]\n}\n")
	edits, err := Edits(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Edit{{Start: 8, End: 10}, {Start: 23, End: 23, NewText: " "}}
	if len(edits) != len(want) {
		t.Fatalf("got %+v, want %+v", edits, want)
	}
	for i := range want {
		if edits[i] != want[i] {
			t.Errorf("edit %d: got %+v, want %+v", i, edits[i], want[i])
		}
	}
	if got, _ := Source(src, Options{}); !bytes.Equal(Apply(src, edits), got) {
		t.Errorf("edits do not give the formatted text")
	}
}
