package format

import "github.com/dpls-dev/dpls/grammar"

// formatter walks a syntax tree without errors and prints it through a
// printer. Every token is printed from the input exactly once, in order.
type formatter struct {
	src    []byte
	p      *printer
	blocks []blockSpans
	// continued is set once a line comment has broken the current member
	// or block header, whose remaining lines are then indented one more level.
	continued bool
}

// blockSpans locates one top-level block in the input and in the printer's
// spans, for range formatting.
type blockSpans struct {
	start, end  int // the block's bytes in the input
	first, last int // indexes of its first and last token in printer.spans
}

// file prints the blocks and comments of a source_file.
func (f *formatter) file(root *node) {
	f.list(root.kids, fileList)
	f.p.finish()
}

// block prints `KIND NAME {`, then the body one member per line: a block is
// never one-line, whatever the author wrote. A header a line comment broke
// is continued one level deeper, but the body is indented as any body is.
func (f *formatter) block(n *node) {
	defer f.continuation()()
	for i, c := range n.kids {
		switch {
		case isComment(c):
			f.inlineComment(c)
		case c.kind == grammar.NodeObject:
			f.endContinuation()
			f.p.spaceNext()
			f.multiLine(c, objectList)
		default:
			if i > 0 {
				f.p.spaceNext()
			}
			f.leaf(c)
		}
	}
}

// member prints `key: value` in a multi-line object.
func (f *formatter) member(n *node) {
	defer f.continuation()()
	for i, c := range n.kids {
		switch {
		case isComment(c):
			f.inlineComment(c)
		case i == 0, c.kind == ":":
			f.leaf(c)
		default:
			f.p.spaceNext()
			f.value(c, 0)
		}
	}
}

// value prints a member value or an array element; trailer is the width of
// what follows it on its line (a comma), which a one-line value must leave
// room for.
func (f *formatter) value(n *node, trailer int) {
	switch n.kind {
	case grammar.NodeObject:
		f.container(n, objectList, trailer)
	case grammar.NodeArray:
		f.container(n, arrayList, trailer)
	default:
		f.leaf(n)
	}
}

// container prints an object or array on one line when the author did and
// it still fits, else one entry per line.
func (f *formatter) container(n *node, kind listKind, trailer int) {
	if w := f.flatWidth(n); w >= 0 && sameLine(n, f.src) && f.p.nextCol()+w+trailer <= f.p.opts.LineWidth {
		f.flat(n)
		return
	}
	f.multiLine(n, kind)
}

// multiLine prints an object or array with each entry on its own line,
// indented one level; an empty one is `{}` or `[]`.
func (f *formatter) multiLine(n *node, kind listKind) {
	kids := n.kids
	open, closing := kids[0], kids[len(kids)-1]
	f.leaf(open)
	if !hasEntries(kids) {
		f.leaf(closing)
		return
	}
	f.p.depth++
	f.list(kids, kind)
	f.p.depth--
	f.p.breakNext(false)
	f.leaf(closing)
}

func hasEntries(kids []*node) bool {
	for _, c := range kids {
		if isEntry(c) {
			return true
		}
	}
	return false
}

// inlineComment prints a comment found inside a block header or a member:
// it stays between the same two tokens, and a line comment ends the line.
//
// The rest of the member or header then continues one level deeper, as a
// continuation line does, so that it does not read as the next member.
func (f *formatter) inlineComment(c *node) {
	f.p.spaceNext()
	if !f.comment(c) {
		f.p.spaceNext()
		return
	}
	f.p.breakNext(false)
	if !f.continued {
		f.continued = true
		f.p.depth++
	}
}

// continuation starts a member or block header, which a line comment may
// continue onto further lines, and returns the function that ends it.
func (f *formatter) continuation() func() {
	outer := f.continued
	f.continued = false
	return func() {
		f.endContinuation()
		f.continued = outer
	}
}

// endContinuation returns to the indentation the member or header began at.
func (f *formatter) endContinuation() {
	if f.continued {
		f.p.depth--
		f.continued = false
	}
}

// comment prints a comment and reports whether it is a line comment.
func (f *formatter) comment(c *node) bool {
	text := commentText(f.src[c.start:c.end])
	f.p.token(text, c.start, c.start+len(text))
	return isLineComment(text)
}

// leaf copies a token (or a whole string) from the input.
func (f *formatter) leaf(n *node) {
	f.p.token(f.src[n.start:n.end], n.start, n.end)
}
