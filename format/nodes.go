package format

import (
	"bytes"

	"github.com/dpls-dev/dpls/grammar"
)

// isComment reports whether n is a comment of any of the three forms.
func isComment(n *node) bool { return n.kind == grammar.NodeComment }

// isEntry reports whether n is laid out as an entry of a list (a block,
// member, element or comment) rather than being punctuation around them.
func isEntry(n *node) bool { return n.named }

// isLineComment reports whether comment text runs to the end of its line,
// so that nothing may follow it there.
func isLineComment(text []byte) bool {
	return text[0] == '#' || bytes.HasPrefix(text, []byte("//"))
}

// commentText is the text a comment is written with: byte for byte, except
// the trailing blanks of a line comment, which would be trailing whitespace.
func commentText(text []byte) []byte {
	if isLineComment(text) {
		text = bytes.TrimRight(text, " \t\f\v")
	}
	return text
}

// sameLine reports whether n starts and ends on one line of the input.
func sameLine(n *node, src []byte) bool { return !hasNewline(src[n.start:n.end]) }

func hasNewline(gap []byte) bool { return bytes.IndexByte(gap, '\n') >= 0 }

// hasBlankLine reports whether gap holds a line with nothing but whitespace
// between two line breaks: the author left a blank line there.
func hasBlankLine(gap []byte) bool {
	for {
		i := bytes.IndexByte(gap, '\n')
		if i < 0 {
			return false
		}
		gap = gap[i+1:]
		j := bytes.IndexByte(gap, '\n')
		if j < 0 {
			return false
		}
		if len(bytes.TrimSpace(gap[:j])) == 0 {
			return true
		}
	}
}
