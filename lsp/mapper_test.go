package lsp

import (
	"bytes"
	"math"
	"testing"

	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// The text mixes one-byte, two-byte (é), three-byte (日本) and four-byte
// characters (😀, a surrogate pair in UTF-16), and a CRLF line end.
const mapperText = "a é\r\n日本 x\n😀b\n"

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }

func TestMapperPositions(t *testing.T) {
	tests := []struct {
		offset     int
		utf16, u8  protocol.Position
		backUTF16  int // Offset(utf16) — differs from offset where offset is clamped
		backUTF8   int
		whatItTest string
	}{
		{0, pos(0, 0), pos(0, 0), 0, 0, "start"},
		{2, pos(0, 2), pos(0, 2), 2, 2, "before é"},
		{4, pos(0, 3), pos(0, 4), 4, 4, "after é (2 bytes, 1 unit), the \\r of CRLF"},
		{3, pos(0, 2), pos(0, 2), 2, 2, "inside é snaps back"},
		{5, pos(0, 3), pos(0, 4), 4, 4, "between \\r and \\n: the line end"},
		{6, pos(1, 0), pos(1, 0), 6, 6, "after CRLF"},
		{9, pos(1, 1), pos(1, 3), 9, 9, "after 日"},
		{12, pos(1, 2), pos(1, 6), 12, 12, "after 本"},
		{14, pos(1, 4), pos(1, 8), 14, 14, "end of line 1"},
		{15, pos(2, 0), pos(2, 0), 15, 15, "before emoji"},
		{19, pos(2, 2), pos(2, 4), 19, 19, "after emoji (4 bytes, 2 units)"},
		{17, pos(2, 0), pos(2, 0), 15, 15, "inside emoji snaps back"},
		{20, pos(2, 3), pos(2, 5), 20, 20, "after b"},
		{21, pos(3, 0), pos(3, 0), 21, 21, "end of document"},
		{99, pos(3, 0), pos(3, 0), 21, 21, "past the end clamps"},
		{-5, pos(0, 0), pos(0, 0), 0, 0, "negative clamps"},
	}
	m16 := newMapper([]byte(mapperText), utf16)
	m8 := newMapper([]byte(mapperText), utf8Bytes)
	for _, tt := range tests {
		if got := m16.Position(tt.offset); got != tt.utf16 {
			t.Errorf("%s: utf-16 Position(%d) = %v, want %v", tt.whatItTest, tt.offset, got, tt.utf16)
		}
		if got := m8.Position(tt.offset); got != tt.u8 {
			t.Errorf("%s: utf-8 Position(%d) = %v, want %v", tt.whatItTest, tt.offset, got, tt.u8)
		}
		if got := m16.Offset(tt.utf16); got != tt.backUTF16 {
			t.Errorf("%s: utf-16 Offset(%v) = %d, want %d", tt.whatItTest, tt.utf16, got, tt.backUTF16)
		}
		if got := m8.Offset(tt.u8); got != tt.backUTF8 {
			t.Errorf("%s: utf-8 Offset(%v) = %d, want %d", tt.whatItTest, tt.u8, got, tt.backUTF8)
		}
	}
}

func TestMapperClampsOutOfRange(t *testing.T) {
	m := newMapper([]byte(mapperText), utf16)
	tests := []struct {
		p    protocol.Position
		want int
	}{
		{pos(0, 100), 4}, // past the end of a line: its end, before CRLF
		{pos(2, 1), 15},  // inside the surrogate pair: start of the emoji
		{pos(3, 7), 21},  // the last (empty) line
		{pos(4, 0), 21},  // past the last line
		{pos(math.MaxUint32, math.MaxUint32), 21},
	}
	for _, tt := range tests {
		if got := m.Offset(tt.p); got != tt.want {
			t.Errorf("Offset(%v) = %d, want %d", tt.p, got, tt.want)
		}
	}
	r := protocol.Range{Start: pos(9, 9), End: pos(0, 1)}
	if got := m.Span(r); got.Start != 1 || got.End != 21 {
		t.Errorf("Span of a reversed range past the end = %v, want {1 21}", got)
	}
	empty := newMapper(nil, utf16)
	if got := empty.Offset(pos(3, 3)); got != 0 {
		t.Errorf("empty document: Offset = %d", got)
	}
	if got := empty.Position(10); got != pos(0, 0) {
		t.Errorf("empty document: Position = %v", got)
	}
}

// TestMapperApply checks that a spliced line index equals a rebuilt one and
// that the edit's points are what grammar.EditFor computes.
func TestMapperApply(t *testing.T) {
	src := []byte("ab\ncd\n日本\nef")
	cases := []struct {
		start, end int
		text       string
	}{
		{0, 0, "x"},
		{1, 4, ""},
		{2, 3, "\n\n"},
		{6, 12, "z\n"},
		{0, len(src), "all\nnew"},
		{len(src), len(src), "\n😀"},
	}
	for _, c := range cases {
		m := newMapper(src, utf16)
		next, edit := m.apply(c.start, c.end, []byte(c.text), nil)
		wantEdit, wantSrc := grammar.EditFor(src, c.start, c.end, []byte(c.text))
		if !bytes.Equal(next.src, wantSrc) {
			t.Errorf("%+v: text %q, want %q", c, next.src, wantSrc)
		}
		if edit != wantEdit {
			t.Errorf("%+v: edit %+v, want %+v", c, edit, wantEdit)
		}
		if fresh := newMapper(wantSrc, utf16); !equalInts(allLines(next), allLines(fresh)) {
			t.Errorf("%+v: lines %v, want %v", c, allLines(next), allLines(fresh))
		}
		// Into a spare buffer of the right length (garbage in it): the
		// same text, in that very buffer.
		into := bytes.Repeat([]byte{'#'}, len(wantSrc))
		spliced, intoEdit := m.apply(c.start, c.end, []byte(c.text), into)
		if !bytes.Equal(spliced.src, wantSrc) || intoEdit != wantEdit {
			t.Errorf("%+v into a spare: text %q edit %+v, want %q %+v", c, spliced.src, intoEdit, wantSrc, wantEdit)
		}
		if len(into) > 0 && &spliced.src[0] != &into[0] {
			t.Errorf("%+v: the spare was not used", c)
		}
	}
}

// A spare is handed out once, only for large texts and only when it has
// room; refill makes one for the size last asked for.
func TestTextSpare(t *testing.T) {
	var sp textSpare
	if b := sp.take(spareMin); b != nil {
		t.Fatal("a spare before any refill")
	}
	sp.refill()
	b := sp.take(spareMin + 10)
	if len(b) != spareMin+10 {
		t.Fatalf("take after refill: len %d, want %d", len(b), spareMin+10)
	}
	if again := sp.take(spareMin); again != nil {
		t.Fatal("the spare was handed out twice")
	}
	sp.refill()
	if big := sp.take(4 * spareMin); big != nil {
		t.Fatal("a spare shorter than the text was handed out")
	}
	sp.refill() // for 4 × spareMin
	if small := sp.take(2 * spareMin); small != nil {
		t.Fatal("a spare twice the text's size was handed out")
	}
	sp.take(100)
	sp.refill()
	if sp.buf.Load() != nil {
		t.Fatal("a spare for a small text")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzMapperRoundTrip(f *testing.F) {
	f.Add([]byte(mapperText), 3)
	f.Fuzz(func(t *testing.T, src []byte, offset int) {
		for _, enc := range []encoding{utf16, utf8Bytes} {
			m := newMapper(src, enc)
			p := m.Position(offset)
			back := m.Offset(p)
			if back < 0 || back > len(src) {
				t.Fatalf("Offset(Position(%d)) = %d out of [0,%d]", offset, back, len(src))
			}
			if m.Position(back) != p {
				t.Fatalf("%s: Position(Offset(%v)) = %v", enc, p, m.Position(back))
			}
		}
	})
}
