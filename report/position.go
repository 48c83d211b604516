package report

import (
	"sort"
	"unicode/utf8"
)

// pos is one point of a file in every unit a format needs.
type pos struct {
	Offset int // byte offset from the start of the file
	Line   int // 1-based
	Column int // 1-based, in bytes
	UTF16  int // 1-based, in UTF-16 code units
}

// lines indexes the line starts of one file's text.
type lines struct {
	src    []byte
	starts []int
}

func newLines(src []byte) *lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lines{src: src, starts: starts}
}

// at converts a byte offset, clamped to the text, to a position. An offset
// inside a multi-byte character counts as that character's start for the
// UTF-16 column.
func (l *lines) at(offset int) pos {
	offset = max(0, min(offset, len(l.src)))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	start := l.starts[i]
	return pos{Offset: offset, Line: i + 1, Column: offset - start + 1, UTF16: utf16Len(l.src[start:runeStart(l.src, start, offset)]) + 1}
}

// runeStart is the start of the valid UTF-8 character that offset falls
// inside (at or after start), or offset itself.
func runeStart(src []byte, start, offset int) int {
	for cut := offset - 1; cut >= max(start, offset-utf8.UTFMax+1); cut-- {
		if utf8.RuneStart(src[cut]) {
			if _, size := utf8.DecodeRune(src[cut:]); cut+size > offset {
				return cut
			}
			break
		}
	}
	return offset
}

// text returns the text of a 1-based line without its line terminator.
func (l *lines) text(line int) []byte {
	start := l.starts[line-1]
	end := len(l.src)
	if line < len(l.starts) {
		end = l.starts[line] - 1
	}
	if end > start && l.src[end-1] == '\r' {
		end--
	}
	return l.src[start:end]
}

// utf16Len counts b in UTF-16 code units; invalid bytes count one each, as
// an editor shows each as U+FFFD.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// sources caches the line index of each file a report touches.
type sources struct {
	text  map[string][]byte
	index map[string]*lines
}

func newSources(text map[string][]byte) *sources {
	return &sources{text: text, index: map[string]*lines{}}
}

func (s *sources) lines(file string) *lines {
	l, ok := s.index[file]
	if !ok {
		l = newLines(s.text[file])
		s.index[file] = l
	}
	return l
}

// span returns the start and end positions of [start, end) in file.
func (s *sources) span(file string, start, end int) (pos, pos) {
	l := s.lines(file)
	return l.at(start), l.at(max(start, end))
}
