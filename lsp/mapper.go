package lsp

import (
	"bytes"
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
	lines grammar.Offsets // where each line starts
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
	return &mapper{src: src, lines: grammar.NewOffsets(lines), enc: enc}
}

// lineCount returns the number of lines.
func (m *mapper) lineCount() int { return m.lines.Len() }

// lineStart returns the offset where line (0 <= line < lineCount) starts.
func (m *mapper) lineStart(line int) int { return m.lines.At(line) }

// line returns the line holding offset, which must be in [0, len(src)].
func (m *mapper) line(offset int) int {
	return m.lines.Search(offset+1) - 1
}

// lineAt returns the line holding offset (in [0, len(src)]) and its start.
func (m *mapper) lineAt(offset int) (line, start int) {
	line = m.line(offset)
	return line, m.lines.At(line)
}

// lineEnd returns the offset where line's content ends, before its line break.
func (m *mapper) lineEnd(line int) int { return m.lineEndFrom(line, m.lines.At(line)) }

// lineEndFrom is lineEnd for a line whose start the caller knows.
func (m *mapper) lineEndFrom(line, start int) int {
	if line+1 >= m.lines.Len() {
		return len(m.src)
	}
	end := m.lines.At(line+1) - 1
	if end > start && m.src[end-1] == '\r' {
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
	line, start := m.lineAt(offset)
	end := m.runeStart(min(offset, m.lineEndFrom(line, start)), start)
	char := end - start
	if m.enc == utf16 {
		char = utf16Len(m.src[start:end])
	}
	return protocol.Position{Line: uint32(line), Character: uint32(char)}
}

// Offset converts a position to a byte offset, clamping it into the document.
// A UTF-16 position inside a surrogate pair means the start of that character.
func (m *mapper) Offset(p protocol.Position) int {
	if int(p.Line) >= m.lines.Len() {
		return len(m.src)
	}
	start := m.lines.At(int(p.Line))
	end := m.lineEndFrom(int(p.Line), start)
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
	line, start := m.lineAt(offset)
	return sitter.Point{Row: uint32(line), Column: uint32(offset - start)}
}

// apply replaces src[start:end] (0 <= start <= end <= len(src)) with text.
// It returns the mapper of the new text, whose line index is spliced from
// this one rather than rebuilt, and the edit in the terms of the parser.
// The new text is a copy: the old one belongs to snapshots that handlers
// may still read, and the analysis keeps the text it parsed. bytes.Join
// makes it without first zeroing the file's worth of memory it then
// overwrites. into, when it is not nil, is a buffer of exactly the new
// text's length that nothing else holds (a textSpare's).
func (m *mapper) apply(start, end int, text, into []byte) (*mapper, grammar.Edit) {
	var src []byte
	if n := len(m.src) - (end - start) + len(text); len(into) == n {
		src = into
		copy(src[copy(src, m.src[:start]):], text)
		copy(src[start+len(text):], m.src[end:])
	} else {
		src = bytes.Join([][]byte{m.src[:start], text, m.src[end:]}, nil)
	}

	keep := m.line(start) + 1 // the lines starting at or before start stay
	rest := m.line(end) + 1   // the old lines starting after end move
	var added []int
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		added = append(added, start+i)
	}
	next := &mapper{src: src, lines: m.lines.Replace(keep, rest, added, len(text)-(end-start)), enc: m.enc}
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
