package grammar_test

import (
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// TestEditAt checks the points of an edit that spans lines and inserts
// lines, computed from the start point alone, and that EditFor agrees.
func TestEditAt(t *testing.T) {
	src := []byte("ab\ncdé\nfg\nh")
	// Replace "dé\nf" (bytes 4..9, é is two bytes) with "X\nYZ\n".
	start, oldEnd := 4, 9
	text := []byte("X\nYZ\n")
	want := grammar.Edit{
		StartByte: 4, OldEndByte: 9, NewEndByte: 9,
		StartPoint:  sitter.Point{Row: 1, Column: 1},
		OldEndPoint: sitter.Point{Row: 2, Column: 1},
		NewEndPoint: sitter.Point{Row: 3, Column: 0},
	}
	e, next := grammar.EditAt(src, start, oldEnd, sitter.Point{Row: 1, Column: 1}, text)
	if e != want || string(next) != "ab\ncX\nYZ\ng\nh" {
		t.Fatalf("EditAt = %+v, %q; want %+v, %q", e, next, want, "ab\ncX\nYZ\ng\nh")
	}
	if e2, next2 := grammar.EditFor(src, start, oldEnd, text); e2 != want || string(next2) != string(next) {
		t.Fatalf("EditFor = %+v, %q; want %+v, %q", e2, next2, want, next)
	}
}
