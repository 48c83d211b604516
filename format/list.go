package format

// listKind is what a list of entries holds; it decides the separators.
type listKind int

const (
	fileList   listKind = iota // blocks: one blank line between blocks
	objectList                 // members: one per line, no commas
	arrayList                  // elements: one per line, commas between
)

// listState is what laying out the next entry of a list depends on.
type listState struct {
	prevEnd    int  // end of the previous child of any kind; -1 at the start of the file
	entryEnd   int  // end of the previous entry; -1 before the first
	afterBlock bool // the last entry, trailing comments aside, was a block
	inline     bool // an own-line block comment shares its line with the next entry
	onlyNotes  bool // the current line holds comments only, so far
}

// list lays out the entries among kids one per line, with the comments
// between them where the author put them. kids are all children of the
// parent, punctuation included: the layout of a comment depends on whether a
// line break precedes it, whatever token that is.
func (f *formatter) list(kids []*node, kind listKind) {
	last := lastValue(kids)
	s := listState{prevEnd: -1, entryEnd: -1}
	for i, c := range kids {
		if !isEntry(c) {
			s.prevEnd = c.end
			continue
		}
		trailing := f.separate(c, kind, &s)
		if isComment(c) {
			f.listComment(kids, i, trailing, &s)
		} else {
			f.entry(c, kind, i != last)
			s.inline, s.onlyNotes, s.afterBlock = false, false, kind == fileList
		}
		s.prevEnd, s.entryEnd = c.end, c.end
	}
}

// separate asks for the whitespace before entry c and reports whether c is
// a comment trailing code on the same line.
func (f *formatter) separate(c *node, kind listKind, s *listState) bool {
	switch start := c.start; {
	case isComment(c) && s.prevEnd >= 0 && !hasNewline(f.src[s.prevEnd:start]):
		f.p.spaceNext()
		return true
	case s.inline:
		f.p.spaceNext()
	default:
		blank := s.entryEnd >= 0 && hasBlankLine(f.src[s.entryEnd:start])
		f.p.breakNext(blank || kind == fileList && s.afterBlock)
	}
	return false
}

// listComment prints the comment kids[i] and decides what may follow it on
// its line: nothing after a line comment; the next entry after block
// comments that open a line and share it with that entry.
func (f *formatter) listComment(kids []*node, i int, trailing bool, s *listState) {
	line := f.comment(kids[i])
	if line {
		f.p.breakNext(false)
	}
	if !trailing {
		s.afterBlock, s.onlyNotes = false, true
	}
	s.inline = !line && s.onlyNotes && f.nextEntryOnSameLine(kids, i)
}

// nextEntryOnSameLine reports whether the next block, member or element
// after kids[i] starts on the line kids[i] ends on.
func (f *formatter) nextEntryOnSameLine(kids []*node, i int) bool {
	for _, c := range kids[i+1:] {
		if isEntry(c) {
			return !isComment(c) && !hasNewline(f.src[kids[i].end:c.start])
		}
		if c.kind != "," {
			return false
		}
	}
	return false
}

// entry prints one block, member or element; comma says an element is
// followed by another one.
func (f *formatter) entry(c *node, kind listKind, comma bool) {
	switch kind {
	case fileList:
		first := len(f.p.spans)
		f.block(c)
		f.blocks = append(f.blocks, blockSpans{
			start: c.start, end: c.end,
			first: first, last: len(f.p.spans) - 1,
		})
	case objectList:
		f.member(c)
	case arrayList:
		trailer := 0
		if comma {
			trailer = 1
		}
		f.value(c, trailer)
		if comma {
			f.p.punct(",")
		}
	}
}

// lastValue is the index of the last entry of kids that is not a comment,
// the one element of an array that takes no comma; -1 when there is none.
func lastValue(kids []*node) int {
	for i := len(kids) - 1; i >= 0; i-- {
		if isEntry(kids[i]) && !isComment(kids[i]) {
			return i
		}
	}
	return -1
}
