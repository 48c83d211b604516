package grammar

import "bytes"

// The split of a file into parts, one top-level block each, is decided by
// a scan that reads the text the way the lexer does across lines, without
// parsing: a part starts at every line whose first token (after spaces and
// tabs) begins a block header `KIND NAME {`, unless the line starts inside
// a block comment. In valid DPL such a line is always a block's first line
// — a member key is followed by `:`, and identifiers are never values,
// except the keywords true and false, which the scan excludes — so parsing
// the parts one by one gives the same blocks as parsing the file whole. In
// text with errors the split is what confines the damage: an unclosed
// brace or bracket cannot swallow the blocks after it.
//
// Only block comments span lines (strings and line comments end at the
// line's end), so the scan's state at a line start is "in a comment" or
// not; a comment is `/*` up to the first `*/` after it, and a `/*` with no
// `*/` after it is not a comment at all (the lexer's rule: the token
// needs its end).

// scanner finds part starts in a text.
type scanner struct {
	src []byte
	// closeBound bounds the `*/` pairs: none starts at or after it, so a
	// `/*` that a search found unclosed makes every later one unclosed
	// without searching again.
	closeBound int
	// dead is the first unclosed `/*` the scan met, len(src) for none.
	dead int
}

func newScanner(src []byte) *scanner {
	return &scanner{src: src, closeBound: len(src), dead: len(src)}
}

var commentClose = []byte("*/")

// line scans the line starting at i (a line start outside any comment)
// and returns where the next such line starts: the byte after the line's
// newline, or after the newline of the line where a comment that began on
// this line ends. It returns len(src) at the end of the text.
func (s *scanner) line(i int) int {
	src := s.src
	for i < len(src) {
		switch src[i] {
		case '\n':
			return i + 1
		case '"':
			i = s.stringEnd(i + 1)
		case '#':
			return s.lineEnd(i)
		case '/':
			i = s.slash(i)
			if i < 0 {
				return s.lineEnd(-i - 1)
			}
		default:
			i++
		}
	}
	return len(src)
}

// lineEnd returns the start of the line after the one holding i.
func (s *scanner) lineEnd(i int) int {
	if j := bytes.IndexByte(s.src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(s.src)
}

// stringEnd returns the index after a string's closing quote, where i is
// just after the opening one. A string cannot span lines: it ends
// unclosed before a line break, which the caller then reads.
func (s *scanner) stringEnd(i int) int {
	src := s.src
	for i < len(src) {
		switch src[i] {
		case '"':
			return i + 1
		case '\n', '\r':
			return i
		case '\\':
			if i+1 < len(src) && src[i+1] != '\n' && src[i+1] != '\r' {
				i++
			}
		}
		i++
	}
	return i
}

// slash handles a '/' at i: a line comment gives -(i+1), so the caller
// skips to the line end; a closed block comment gives the index after its
// `*/`; anything else the next index.
func (s *scanner) slash(i int) int {
	src := s.src
	if i+1 >= len(src) {
		return i + 1
	}
	switch src[i+1] {
	case '/':
		return -(i + 1)
	case '*':
		if from := i + 2; from < s.closeBound {
			if j := bytes.Index(src[from:min(len(src), s.closeBound+1)], commentClose); j >= 0 {
				return from + j + 2
			}
			s.closeBound = from
		}
		s.dead = min(s.dead, i)
		return i + 2
	}
	return i + 1
}

// isHeader reports whether the line starting at i opens a block: spaces
// or tabs, an identifier, at least one space or tab, an identifier, spaces
// or tabs, and `{`; neither identifier may be true or false.
func isHeader(src []byte, i int) bool {
	i = skipBlanks(src, i)
	kind, i := identAt(src, i)
	if kind == nil || i >= len(src) || (src[i] != ' ' && src[i] != '\t') {
		return false
	}
	name, i := identAt(src, skipBlanks(src, i))
	if name == nil || isKeyword(kind) || isKeyword(name) {
		return false
	}
	i = skipBlanks(src, i)
	return i < len(src) && src[i] == '{'
}

func skipBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// identAt returns the identifier at i (nil when none starts there) and
// the index after it, with the grammar's identifier rule.
func identAt(src []byte, i int) ([]byte, int) {
	if i >= len(src) || !identStart(src[i]) {
		return nil, i
	}
	j := i + 1
	for j < len(src) && (identStart(src[j]) || src[j] >= '0' && src[j] <= '9' || src[j] == '-') {
		j++
	}
	return src[i:j], j
}

func identStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

func isKeyword(id []byte) bool { return string(id) == "true" || string(id) == "false" }

// scan appends to starts the part starts found from i, a line start
// outside any comment, up to the end of the text or until stop returns
// true for a line start (which is not appended); it returns that line
// start, or len(src).
func (s *scanner) scan(starts []int, i int, stop func(int) bool) ([]int, int) {
	for i < len(s.src) {
		if stop != nil && stop(i) {
			return starts, i
		}
		if i > 0 && isHeader(s.src, i) {
			starts = append(starts, i)
		}
		i = s.line(i)
	}
	return starts, len(s.src)
}
