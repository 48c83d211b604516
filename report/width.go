package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tabStop is the tab width of source lines in the text format. Tabs are
// expanded, as gcc and rustc do, so the caret line lines up whatever the
// terminal's tab setting is.
const tabStop = 4

// displayLine returns a source line as the terminal should show it (tabs
// expanded, control characters and invalid bytes as U+FFFD, so a file
// cannot send escape sequences to the terminal) and, for every byte offset
// of the line and one past its end, the display column where it starts.
func displayLine(line []byte) (string, []int) {
	var b strings.Builder
	b.Grow(len(line))
	cols := make([]int, len(line)+1)
	col := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		for k := range size {
			cols[i+k] = col
		}
		switch {
		case r == '\t':
			n := tabStop - col%tabStop
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case r == utf8.RuneError && size == 1, unicode.IsControl(r):
			b.WriteRune(utf8.RuneError)
			col++
		default:
			b.WriteRune(r)
			col += runeWidth(r)
		}
		i += size
	}
	cols[len(line)] = col
	return b.String(), cols
}

// runeWidth is the number of terminal columns r takes: 0 for combining
// marks and zero-width characters, 2 for East Asian wide and fullwidth
// characters and emoji, 1 otherwise.
func runeWidth(r rune) int {
	switch {
	case r < 0xAD: // printable ASCII and Latin-1 up to the soft hyphen
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

// wide lists the East Asian Wide (W) and Fullwidth (F) blocks of Unicode's
// EastAsianWidth.txt, coarsened to whole blocks, and the emoji blocks.
var wide = [][2]rune{
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
	{0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60},
	{0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
}

func isWide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	for _, w := range wide {
		if r >= w[0] && r <= w[1] {
			return true
		}
	}
	return false
}
