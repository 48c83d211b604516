package generators

import "strings"

// LineSafe replaces control characters (newlines included), DEL and the
// Unicode line and paragraph separators with spaces, so s stays on one line
// of a comment whatever a DPL string holds.
func LineSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// SlashComment writes text as "//" line comments (Go, JavaScript), one per
// line, each made LineSafe so a DPL string in a note cannot end its comment.
func SlashComment(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		b.WriteString("// " + LineSafe(l) + "\n")
	}
	return b.String()
}
