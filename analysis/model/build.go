package model

import (
	"strconv"
	"strings"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// Build converts the syntax tree of src into the model. Blocks whose text is
// unchanged from a block of prev keep prev's model, moved to their new
// offset; only the others are converted from the tree.
func Build(name string, src []byte, root *sitter.Node, prev *File) *File {
	f := &File{Name: name, Src: src}
	reuse := reusable(prev)
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	if !c.GoToFirstChild() {
		return f
	}
	for {
		n := c.CurrentNode()
		start, end := int(n.StartByte()), int(n.EndByte())
		switch {
		case n.Type() == grammar.NodeBlock:
			f.Blocks = append(f.Blocks, blockFor(n, src, start, end, reuse))
		case n.Type() == grammar.NodeComment:
			f.Comments = append(f.Comments, Span{start, end})
		case grammar.IsSyntaxError(n):
			f.Stray = append(f.Stray, SyntaxError{Span{start, end}, grammar.Describe(n, src)})
		}
		if !c.GoToNextSibling() {
			return f
		}
	}
}

func reusable(prev *File) map[string]*Block {
	if prev == nil {
		return nil
	}
	m := make(map[string]*Block, len(prev.Blocks))
	for _, b := range prev.Blocks {
		m[b.Text] = b
	}
	return m
}

func blockFor(n *sitter.Node, src []byte, start, end int, reuse map[string]*Block) *Block {
	text := string(src[start:end])
	if old, ok := reuse[text]; ok {
		// Two blocks with the same text must not share one Memo: it names
		// the block in cached cross-block findings.
		delete(reuse, text)
		moved := *old
		moved.Start = start
		return &moved
	}
	cv := converter{src: src, base: start}
	return cv.block(n, text)
}

// converter turns one block's nodes into model values, with spans relative
// to the block start (base).
type converter struct {
	src  []byte
	base int
	blk  *Block
}

func (cv *converter) span(n *sitter.Node) Span {
	return Span{int(n.StartByte()) - cv.base, int(n.EndByte()) - cv.base}
}

func (cv *converter) text(n *sitter.Node) string {
	return string(cv.src[n.StartByte():n.EndByte()])
}

func (cv *converter) block(n *sitter.Node, text string) *Block {
	b := &Block{Start: cv.base, Len: len(text), Text: text, Memo: &Memo{}}
	cv.blk = b
	cv.children(n, func(c *sitter.Node, field string) {
		switch field {
		case grammar.FieldKind:
			b.Kind = Ident{cv.text(c), cv.span(c)}
		case grammar.FieldName:
			b.Name = Ident{cv.text(c), cv.span(c)}
		case grammar.FieldBody:
			b.Body = cv.object(c)
		default:
			cv.extra(c)
		}
	})
	if b.Body == nil {
		b.Syntax = append(b.Syntax, SyntaxError{cv.headerEnd(b), grammar.Describe(n, cv.src)})
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
func (cv *converter) extra(c *sitter.Node) {
	switch {
	case c.Type() == grammar.NodeComment:
		cv.blk.Comments = append(cv.blk.Comments, cv.span(c))
	case grammar.IsSyntaxError(c):
		cv.syntax(c)
	}
}

func (cv *converter) syntax(n *sitter.Node) {
	cv.blk.Syntax = append(cv.blk.Syntax, SyntaxError{cv.span(n), grammar.Describe(n, cv.src)})
	if n.IsError() {
		cv.commentsIn(n)
	}
}

// commentsIn keeps the comments an ERROR node swallowed.
func (cv *converter) commentsIn(n *sitter.Node) {
	cv.children(n, func(c *sitter.Node, _ string) {
		if c.Type() == grammar.NodeComment {
			cv.blk.Comments = append(cv.blk.Comments, cv.span(c))
		} else if c.ChildCount() > 0 {
			cv.commentsIn(c)
		}
	})
}

func (cv *converter) children(n *sitter.Node, fn func(c *sitter.Node, field string)) {
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	if !c.GoToFirstChild() {
		return
	}
	for {
		fn(c.CurrentNode(), c.CurrentFieldName())
		if !c.GoToNextSibling() {
			return
		}
	}
}

func (cv *converter) object(n *sitter.Node) *Object {
	o := &Object{Span: cv.span(n)}
	cv.children(n, func(c *sitter.Node, _ string) {
		switch {
		case c.Type() == grammar.NodeMember:
			o.Members = append(o.Members, cv.member(c))
		case c.Type() == "}" && !c.IsMissing():
			o.Closed = true
		default:
			cv.extra(c)
		}
	})
	return o
}

func (cv *converter) member(n *sitter.Node) *Member {
	m := &Member{Span: cv.span(n)}
	cv.children(n, func(c *sitter.Node, field string) {
		switch field {
		case grammar.FieldKey:
			m.Key = Ident{cv.text(c), cv.span(c)}
		case grammar.FieldValue:
			m.Value = cv.value(c)
		default:
			cv.extra(c)
		}
	})
	if m.Value == nil {
		end := m.Span.End
		m.Value = &Bad{Span: Span{end, end}}
	}
	return m
}

func (cv *converter) value(n *sitter.Node) Value {
	if n.IsMissing() || n.IsError() {
		cv.syntax(n)
		return &Bad{Span: cv.span(n), Text: cv.text(n)}
	}
	switch n.Type() {
	case grammar.NodeString:
		return cv.str(n)
	case grammar.NodeNumber:
		text := cv.text(n)
		v, _ := strconv.ParseFloat(text, 64)
		return &Number{Span: cv.span(n), Text: text, Value: v}
	case grammar.NodeBoolean:
		return &Bool{Span: cv.span(n), Value: cv.text(n) == "true"}
	case grammar.NodeArray:
		return cv.array(n)
	case grammar.NodeObject:
		return cv.object(n)
	}
	cv.syntax(n)
	return &Bad{Span: cv.span(n), Text: cv.text(n)}
}

func (cv *converter) array(n *sitter.Node) *Array {
	a := &Array{Span: cv.span(n)}
	cv.children(n, func(c *sitter.Node, _ string) {
		switch {
		case c.Type() == grammar.NodeComment || grammar.IsSyntaxError(c):
			cv.extra(c)
		case c.IsNamed():
			a.Elems = append(a.Elems, cv.value(c))
		}
	})
	return a
}

func (cv *converter) str(n *sitter.Node) *String {
	s := &String{Span: cv.span(n)}
	var val strings.Builder
	rawStart, rawEnd := -1, -1
	cv.children(n, func(c *sitter.Node, _ string) {
		switch c.Type() {
		case grammar.NodeStringText:
			val.WriteString(cv.text(c))
		case grammar.NodeEscape:
			val.WriteString(unescape(cv.text(c)))
		case `"`:
			if c.IsMissing() {
				s.Unterminated = true
				cv.syntax(c)
			}
			if rawStart < 0 {
				rawStart = int(c.EndByte())
			} else {
				rawEnd = int(c.StartByte())
			}
			return
		default:
			cv.extra(c)
		}
	})
	s.Value = val.String()
	if rawStart >= 0 && rawEnd >= rawStart {
		s.Raw = string(cv.src[rawStart:rawEnd])
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
