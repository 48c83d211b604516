package lsp

import (
	"bytes"
	"sort"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// encoding is how the client counts the characters of a line: UTF-16 code
// units (the LSP default) or UTF-8 bytes, when the client offers "utf-8" in
// general.positionEncodings (LSP 3.17).
type encoding int

const (
	utf16 encoding = iota
	utf8Bytes
)

func (e encoding) String() string {
	if e == utf8Bytes {
		return "utf-8"
	}
	return "utf-16"
}

// mapper is the one place where byte offsets and LSP positions meet. It
// belongs to one version of one document: its line index is built once
// (O(n)) and every lookup is a binary search (O(log n)) plus a walk along one
// line. Out-of-range input is clamped, never rejected: a position past the
// end of a line means the end of the line, a line past the end of the
// document means the end of the document.
//
// Lines end at "\n" (a "\r" before it belongs to the line break), as
// tree-sitter counts rows; a lone "\r" is not a line break.
type mapper struct {
	src   []byte
	lines []int // byte offset of each line's start; lines[0] == 0
	enc   encoding
}

func newMapper(src []byte, enc encoding) *mapper {
	lines := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, i)
	}
	return &mapper{src: src, lines: lines, enc: enc}
}

// line returns the line holding offset, which must be in [0, len(src)].
func (m *mapper) line(offset int) int {
	return sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
}

// lineEnd returns the offset where line's content ends, before its line break.
func (m *mapper) lineEnd(line int) int {
	if line+1 >= len(m.lines) {
		return len(m.src)
	}
	end := m.lines[line+1] - 1
	if end > m.lines[line] && m.src[end-1] == '\r' {
		end--
	}
	return end
}

// runeStart moves offset back to the start of the character it is inside.
func (m *mapper) runeStart(offset, lineStart int) int {
	for offset > lineStart && offset < len(m.src) && !utf8.RuneStart(m.src[offset]) {
		offset--
	}
	return offset
}

// Position converts a byte offset to a position.
func (m *mapper) Position(offset int) protocol.Position {
	offset = min(max(offset, 0), len(m.src))
	line := m.line(offset)
	start := m.lines[line]
	end := m.runeStart(min(offset, m.lineEnd(line)), start)
	char := end - start
	if m.enc == utf16 {
		char = utf16Len(m.src[start:end])
	}
	return protocol.Position{Line: uint32(line), Character: uint32(char)}
}

// Offset converts a position to a byte offset, clamping it into the document.
// A UTF-16 position inside a surrogate pair means the start of that character.
func (m *mapper) Offset(p protocol.Position) int {
	if int(p.Line) >= len(m.lines) {
		return len(m.src)
	}
	start, end := m.lines[p.Line], m.lineEnd(int(p.Line))
	if m.enc == utf8Bytes {
		return m.runeStart(min(start+int(p.Character), end), start)
	}
	units, i := int(p.Character), start
	for i < end && units > 0 {
		r, w := utf8.DecodeRune(m.src[i:end])
		u := 1
		if r >= 0x10000 {
			u = 2
		}
		if u > units {
			break
		}
		units -= u
		i += w
	}
	return i
}

// Range converts a span to a range.
func (m *mapper) Range(s model.Span) protocol.Range {
	return protocol.Range{Start: m.Position(s.Start), End: m.Position(s.End)}
}

// Span converts a range to a span; a reversed range is put in order.
func (m *mapper) Span(r protocol.Range) model.Span {
	start, end := m.Offset(r.Start), m.Offset(r.End)
	if end < start {
		start, end = end, start
	}
	return model.Span{Start: start, End: end}
}

// point is offset as tree-sitter counts it: row and byte column.
func (m *mapper) point(offset int) sitter.Point {
	line := m.line(offset)
	return sitter.Point{Row: uint32(line), Column: uint32(offset - m.lines[line])}
}

// apply replaces src[start:end] (0 <= start <= end <= len(src)) with text.
// It returns the mapper of the new text, whose line index is spliced from
// this one rather than rebuilt, and the edit in the terms of the parser.
func (m *mapper) apply(start, end int, text []byte) (*mapper, grammar.Edit) {
	src := make([]byte, 0, len(m.src)-(end-start)+len(text))
	src = append(append(append(src, m.src[:start]...), text...), m.src[end:]...)

	first := m.line(start) + 1 // first line start after start
	rest := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > end })
	lines := make([]int, first, len(m.lines)+bytes.Count(text, []byte{'\n'}))
	copy(lines, m.lines[:first])
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, start+i)
	}
	delta := len(text) - (end - start)
	for _, l := range m.lines[rest:] {
		lines = append(lines, l+delta)
	}
	next := &mapper{src: src, lines: lines, enc: m.enc}
	return next, grammar.Edit{
		StartByte:   uint32(start),
		OldEndByte:  uint32(end),
		NewEndByte:  uint32(start + len(text)),
		StartPoint:  m.point(start),
		OldEndPoint: m.point(end),
		NewEndPoint: next.point(start + len(text)),
	}
}

// utf16Len counts the UTF-16 code units of b; an invalid byte counts as one
// (it arrives as U+FFFD, one unit).
func utf16Len(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		n++
		if r >= 0x10000 {
			n++
		}
		i += w
	}
	return n
}
