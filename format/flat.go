package format

import (
	"unicode/utf8"

	"github.com/dpls-dev/dpls/grammar"
)

// flatWidth is the width of n printed on one line, or -1 when n holds a
// comment: a comment inside a one-line value would either swallow the rest
// of the line or hide between values, so such a value is always multi-line.
func (f *formatter) flatWidth(n *node) int {
	if !n.measured {
		n.width, n.measured = f.measure(n), true
	}
	return n.width
}

// measure computes flatWidth; nested values are measured once each, however
// deep they sit.
func (f *formatter) measure(n *node) int {
	switch n.kind {
	case grammar.NodeComment:
		return -1
	case grammar.NodeObject, grammar.NodeArray, grammar.NodeMember:
	default:
		return utf8.RuneCount(f.src[n.start:n.end])
	}
	width, entries := 0, 0
	for _, c := range n.kids {
		if c.kind == "," {
			continue
		}
		w := f.flatWidth(c)
		if w < 0 {
			return -1
		}
		width += w
		if isEntry(c) && n.kind != grammar.NodeMember {
			entries++
		}
	}
	return width + flatSeparators(n.kind, entries)
}

// flatSeparators is the width flat adds around entries: `, ` between them,
// spaces inside the braces of a non-empty object, one after a member's colon.
func flatSeparators(kind string, entries int) int {
	switch {
	case kind == grammar.NodeMember:
		return 1
	case entries == 0:
		return 0
	case kind == grammar.NodeObject:
		return 2*(entries-1) + 2
	}
	return 2 * (entries - 1)
}

// flat prints n, which holds no comment, on one line:
// `{ a: 1, b: [1, 2] }`.
func (f *formatter) flat(n *node) {
	kids := n.kids
	switch n.kind {
	case grammar.NodeObject, grammar.NodeArray:
	case grammar.NodeMember:
		f.leaf(kids[0])
		f.leaf(kids[1])
		f.p.spaceNext()
		f.flat(kids[2])
		return
	default:
		f.leaf(n)
		return
	}
	inside := n.kind == grammar.NodeObject && hasEntries(kids)
	f.leaf(kids[0])
	first := true
	for _, c := range kids[1 : len(kids)-1] {
		if !isEntry(c) {
			continue
		}
		if !first {
			f.p.punct(",")
		}
		if !first || inside {
			f.p.spaceNext()
		}
		first = false
		f.flat(c)
	}
	if inside {
		f.p.spaceNext()
	}
	f.leaf(kids[len(kids)-1])
}
