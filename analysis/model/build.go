package model

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dpls-dev/dpls/grammar"
)

// The fields the converter matches on, as ids of grammar.FlatNode.Field.
var (
	fieldKind  = grammar.FieldID(grammar.FieldKind)
	fieldName  = grammar.FieldID(grammar.FieldName)
	fieldBody  = grammar.FieldID(grammar.FieldBody)
	fieldKey   = grammar.FieldID(grammar.FieldKey)
	fieldValue = grammar.FieldID(grammar.FieldValue)
)

// Build parses src and converts it into the model. Blocks whose text is
// unchanged from a block of prev keep prev's model, moved to their new
// offset; only the others are converted. The parts of the document are
// parsed and converted on every core for a large file.
func Build(name string, src []byte, prev *File) (*File, *grammar.Document) {
	doc := grammar.Split(src)
	parts := make([]partItems, doc.Parts())
	reuse := reusable(prev)
	doc.Parse(src, 0, doc.Parts(), func(k int, fl *grammar.Flat) {
		start, end := doc.Part(k)
		parts[k] = convertPart(fl, src, start, end, reuse)
	})
	f := &File{Name: name, Src: src}
	f.add(parts)
	return f, doc
}

// partItems are the top-level items of one part: blocks, comments and
// stray syntax errors.
type partItems struct {
	blocks   []*Block
	comments []Span
	stray    []SyntaxError
}

// convertPart converts the tree of part [start, end) of src, whose
// positions are relative to the part's start. It may run on several
// goroutines at once.
func convertPart(fl *grammar.Flat, src []byte, start, end int, reuse *reuser) partItems {
	var p partItems
	text := src[start:end]
	for i := fl.FirstChild(0); i >= 0; i = fl.NextSibling(i) {
		n := &fl.Nodes[i]
		s, e := int(n.StartByte), int(n.EndByte)
		switch {
		case n.Type() == grammar.NodeBlock:
			p.blocks = append(p.blocks, blockFor(fl, i, text, start, s, e, reuse))
		case n.Type() == grammar.NodeComment:
			p.comments = append(p.comments, Span{start + s, start + e})
		case fl.IsSyntaxErrorAt(i):
			p.stray = append(p.stray, SyntaxError{Span{start + s, start + e}, fl.DescribeAt(i, text)})
		}
	}
	return p
}

// add appends the items of parts, in order.
func (f *File) add(parts []partItems) {
	nb, nc, ns := len(f.Blocks), len(f.Comments), len(f.Stray)
	for _, p := range parts {
		nb, nc, ns = nb+len(p.blocks), nc+len(p.comments), ns+len(p.stray)
	}
	f.Blocks, f.Comments, f.Stray = slices.Grow(f.Blocks, nb-len(f.Blocks)), slices.Grow(f.Comments, nc-len(f.Comments)), slices.Grow(f.Stray, ns-len(f.Stray))
	for _, p := range parts {
		f.Blocks = append(f.Blocks, p.blocks...)
		f.Comments = append(f.Comments, p.comments...)
		f.Stray = append(f.Stray, p.stray...)
	}
}

// reuser hands out the models of a previous file's blocks by text, each
// once; parts converted at once share it.
type reuser struct {
	mu sync.Mutex
	m  map[string]*Block
}

// take returns the previous block with this text, if one is left.
func (r *reuser) take(text string) (*Block, bool) {
	if r == nil {
		return nil, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	b, ok := r.m[text]
	if ok {
		// Two blocks with the same text must not share one Memo: it names
		// the block in cached cross-block findings.
		delete(r.m, text)
	}
	return b, ok
}

func reusable(prev *File) *reuser {
	if prev == nil {
		return nil
	}
	return reuserOf(prev.Blocks)
}

func reuserOf(blocks []*Block) *reuser {
	m := make(map[string]*Block, len(blocks))
	for _, b := range blocks {
		m[b.Text] = b
	}
	return &reuser{m: m}
}

// blockFor returns the model of block node i of a part's tree: src is the
// part's text, at offset partStart in the file, and [start, end) the
// block's range in the part.
func blockFor(fl *grammar.Flat, i int, src []byte, partStart, start, end int, reuse *reuser) *Block {
	text := string(src[start:end])
	if old, ok := reuse.take(text); ok {
		moved := *old
		moved.Start = partStart + start
		return &moved
	}
	cv := converter{fl: fl, src: src, text0: text, base: start, partStart: partStart, slabs: newSlabs(fl, i)}
	return cv.block(i, text)
}

// converter turns one block's nodes into model values, with spans relative
// to the block start (base, an offset in the part's text src; the part
// starts at partStart in the file).
type converter struct {
	fl  *grammar.Flat
	src []byte
	// text0 is the block's text (Block.Text): keys, identifiers and
	// string contents are substrings of it rather than copies of their
	// own, which were a third of what converting a file allocated.
	text0     string
	base      int
	partStart int
	blk       *Block
	slabs     slabs
}

func (cv *converter) node(i int) *grammar.FlatNode { return &cv.fl.Nodes[i] }

func (cv *converter) span(i int) Span {
	n := cv.node(i)
	return Span{int(n.StartByte) - cv.base, int(n.EndByte) - cv.base}
}

func (cv *converter) text(i int) string {
	n := cv.node(i)
	return cv.text0[int(n.StartByte)-cv.base : int(n.EndByte)-cv.base]
}

func (cv *converter) ident(i int) Ident { return Ident{cv.text(i), cv.span(i)} }

func (cv *converter) block(i int, text string) *Block {
	b := &Block{Start: cv.partStart + cv.base, Len: len(text), Text: text, Memo: &Memo{}}
	cv.blk = b
	for c := cv.fl.FirstChild(i); c >= 0; c = cv.fl.NextSibling(c) {
		switch cv.node(c).Field {
		case fieldKind:
			b.Kind = cv.ident(c)
		case fieldName:
			b.Name = cv.ident(c)
		case fieldBody:
			b.Body = cv.object(c)
		default:
			cv.extra(c)
		}
	}
	if b.Body == nil {
		b.Syntax = append(b.Syntax, SyntaxError{cv.headerEnd(b), cv.fl.DescribeAt(i, cv.src)})
	}
	b.norm = NormalizeName(b.Name.Text)
	return b
}

// headerEnd is where a block header stops short: just after its last token.
func (cv *converter) headerEnd(b *Block) Span {
	end := b.Kind.Span.End
	if b.Name.Text != "" {
		end = b.Name.Span.End
	}
	return Span{end, end}
}

// extra records comments and syntax errors found among a node's children.
func (cv *converter) extra(c int) {
	switch {
	case cv.node(c).Type() == grammar.NodeComment:
		cv.blk.Comments = append(cv.blk.Comments, cv.span(c))
	case cv.fl.IsSyntaxErrorAt(c):
		cv.syntax(c)
	}
}

func (cv *converter) syntax(i int) {
	span := cv.span(i)
	if at := cv.fl.ErrorOffsetAt(i, cv.src) - cv.base; at != span.Start {
		span = Span{at, at}
	}
	cv.blk.Syntax = append(cv.blk.Syntax, SyntaxError{span, cv.fl.DescribeAt(i, cv.src)})
	if cv.node(i).IsError() {
		cv.commentsIn(i)
	}
}

// commentsIn keeps the comments an ERROR node swallowed.
func (cv *converter) commentsIn(i int) {
	for c := cv.fl.FirstChild(i); c >= 0; c = cv.fl.NextSibling(c) {
		if cv.node(c).Type() == grammar.NodeComment {
			cv.blk.Comments = append(cv.blk.Comments, cv.span(c))
		} else if cv.node(c).ChildCount > 0 {
			cv.commentsIn(c)
		}
	}
}

func (cv *converter) object(i int) *Object {
	o := take(&cv.slabs.objs)
	o.Span = cv.span(i)
	if n := cv.count(i, grammar.NodeMember); n > 0 {
		o.Members = make([]*Member, 0, n)
	}
	for c := cv.fl.FirstChild(i); c >= 0; c = cv.fl.NextSibling(c) {
		n := cv.node(c)
		switch {
		case n.Type() == grammar.NodeMember:
			o.Members = append(o.Members, cv.member(c))
		case n.Type() == "}" && !n.IsMissing():
			o.Closed = true
		default:
			cv.extra(c)
		}
	}
	return o
}

// count returns how many children of node i have type typ.
func (cv *converter) count(i int, typ string) int {
	n := 0
	for c := cv.fl.FirstChild(i); c >= 0; c = cv.fl.NextSibling(c) {
		if cv.node(c).Type() == typ {
			n++
		}
	}
	return n
}

func (cv *converter) member(i int) *Member {
	m := take(&cv.slabs.members)
	m.Span = cv.span(i)
	for c := cv.fl.FirstChild(i); c >= 0; c = cv.fl.NextSibling(c) {
		switch cv.node(c).Field {
		case fieldKey:
			m.Key = cv.ident(c)
		case fieldValue:
			m.Value = cv.value(c)
		default:
			cv.extra(c)
		}
	}
	if m.Value == nil {
		end := m.Span.End
		m.Value = &Bad{Span: Span{end, end}}
	}
	return m
}

func (cv *converter) value(i int) Value {
	n := cv.node(i)
	if n.IsMissing() || n.IsError() {
		cv.syntax(i)
		return &Bad{Span: cv.span(i), Text: cv.text(i)}
	}
	switch n.Type() {
	case grammar.NodeString:
		return cv.str(i)
	case grammar.NodeNumber:
		text := cv.text(i)
		v, _ := strconv.ParseFloat(text, 64)
		num := take(&cv.slabs.nums)
		*num = Number{Span: cv.span(i), Text: text, Value: v}
		return num
	case grammar.NodeBoolean:
		return &Bool{Span: cv.span(i), Value: cv.text(i) == "true"}
	case grammar.NodeArray:
		return cv.array(i)
	case grammar.NodeObject:
		return cv.object(i)
	}
	cv.syntax(i)
	return &Bad{Span: cv.span(i), Text: cv.text(i)}
}

func (cv *converter) array(i int) *Array {
	a := take(&cv.slabs.arrs)
	a.Span = cv.span(i)
	for c := cv.fl.FirstChild(i); c >= 0; c = cv.fl.NextSibling(c) {
		n := cv.node(c)
		switch {
		case n.Type() == grammar.NodeComment || cv.fl.IsSyntaxErrorAt(c):
			cv.extra(c)
		case n.IsNamed():
			a.Elems = append(a.Elems, cv.value(c))
		}
	}
	return a
}

func (cv *converter) str(i int) *String {
	s := take(&cv.slabs.strs)
	s.Span = cv.span(i)
	// pieces counts the content pieces; a string of one piece without
	// escapes (most are) is its own value, with nothing built.
	var val strings.Builder
	var only string
	pieces := 0
	add := func(piece string) {
		switch pieces {
		case 0:
			only = piece
		case 1:
			val.WriteString(only)
			fallthrough
		default:
			val.WriteString(piece)
		}
		pieces++
	}
	rawStart, rawEnd := -1, -1
	for c := cv.fl.FirstChild(i); c >= 0; c = cv.fl.NextSibling(c) {
		n := cv.node(c)
		switch n.Type() {
		case grammar.NodeStringText:
			add(cv.text(c))
		case grammar.NodeEscape:
			add(unescape(cv.text(c)))
		case `"`:
			if n.IsMissing() {
				s.Unterminated = true
				cv.syntax(c)
			}
			if rawStart < 0 {
				rawStart = int(n.EndByte)
			} else {
				rawEnd = int(n.StartByte)
			}
		default:
			cv.extra(c)
		}
	}
	s.Value = only
	if pieces > 1 {
		s.Value = val.String()
	}
	if rawStart >= 0 && rawEnd >= rawStart {
		s.Raw = cv.text0[rawStart-cv.base : rawEnd-cv.base]
	}
	return s
}

// unescape decodes one escape sequence of the grammar: \" \\ \n \t \uXXXX.
func unescape(esc string) string {
	switch esc {
	case `\"`:
		return `"`
	case `\\`:
		return `\`
	case `\n`:
		return "\n"
	case `\t`:
		return "\t"
	}
	if len(esc) == 6 && esc[1] == 'u' {
		if r, err := strconv.ParseUint(esc[2:], 16, 32); err == nil && utf8.ValidRune(rune(r)) {
			return string(rune(r))
		}
	}
	return esc
}
