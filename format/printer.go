package format

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// span ties one token of the input to where the printer wrote it. Between two
// consecutive spans lies only whitespace and optional commas, on both sides;
// the edits the formatter returns are the gaps that differ.
type span struct {
	srcStart, srcEnd int
	outStart, outEnd int
}

// printer accumulates the formatted text token by token. Whitespace is never
// written directly: callers ask for a space or a line break before the next
// token, so no line ends in whitespace and repeated requests collapse.
type printer struct {
	opts    Options
	newline string
	indent  string // one level of indentation
	out     []byte
	spans   []span
	depth   int
	col     int  // width of the current line so far
	space   bool // a space is wanted before the next token
	breaks  int  // line breaks wanted before the next token: 0, 1 or 2 (a blank line)
}

func newPrinter(opts Options, newline string, size int) *printer {
	indent := strings.Repeat(" ", opts.IndentWidth)
	if opts.UseTabs {
		indent = "\t"
	}
	return &printer{opts: opts, newline: newline, indent: indent, out: make([]byte, 0, size+size/8)}
}

// spaceNext asks for a space before the next token on the same line.
func (p *printer) spaceNext() { p.space = true }

// breakNext asks for the next token to start a new line, after a blank line
// when blank is set. A break wins over a space.
func (p *printer) breakNext(blank bool) {
	n := 1
	if blank {
		n = 2
	}
	p.breaks = max(p.breaks, n)
}

// token writes text copied from src[start:end] and records the span.
func (p *printer) token(text []byte, start, end int) {
	at := p.write(text)
	p.spans = append(p.spans, span{srcStart: start, srcEnd: end, outStart: at, outEnd: len(p.out)})
}

// punct writes text that is not in the input (a comma the layout adds).
func (p *printer) punct(s string) { p.write([]byte(s)) }

// write emits the pending whitespace, then text, and returns where text starts.
func (p *printer) write(text []byte) int {
	switch {
	case p.breaks > 0 && len(p.out) > 0:
		for range p.breaks {
			p.out = append(p.out, p.newline...)
		}
		for range p.depth {
			p.out = append(p.out, p.indent...)
		}
		p.col = p.depth * p.opts.IndentWidth
	case p.space && p.col > 0:
		p.out = append(p.out, ' ')
		p.col++
	}
	p.space, p.breaks = false, 0
	at := len(p.out)
	p.out = append(p.out, text...)
	if i := bytes.LastIndexByte(text, '\n'); i >= 0 {
		p.col = utf8.RuneCount(text[i+1:])
	} else {
		p.col += utf8.RuneCount(text)
	}
	return at
}

// nextCol is the column the next token would start at.
func (p *printer) nextCol() int {
	switch {
	case p.breaks > 0 && len(p.out) > 0:
		return p.depth * p.opts.IndentWidth
	case p.space && p.col > 0:
		return p.col + 1
	}
	return p.col
}

// finish ends a non-empty text with exactly one newline.
func (p *printer) finish() {
	if len(p.out) > 0 {
		p.out = append(p.out, p.newline...)
	}
}
