package model

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End). Inside a block it is relative
// to Block.Start; File-level spans are absolute.
type Span struct{ Start, End int }

// Contains reports whether offset lies in s, counting the end position (a
// cursor just after a token is "in" it, as editors expect).
func (s Span) Contains(offset int) bool { return s.Start <= offset && offset <= s.End }

// Shift moves s by delta bytes.
func (s Span) Shift(delta int) Span { return Span{s.Start + delta, s.End + delta} }

// Len is the length of s in bytes.
func (s Span) Len() int { return s.End - s.Start }

// File is the model of one DPL file.
type File struct {
	Name   string
	Src    []byte
	Blocks []*Block
	// Comments outside any block, absolute.
	Comments []Span
	// Stray holds syntax errors outside any block, absolute.
	Stray []SyntaxError
}

// BlockAt returns the block whose range contains offset, or nil.
func (f *File) BlockAt(offset int) *Block {
	for _, b := range f.Blocks {
		if b.Start <= offset && offset <= b.Start+b.Len {
			return b
		}
	}
	return nil
}

// Block is one top-level `KIND NAME { … }`.
type Block struct {
	// Start is the absolute offset of the block in its file; every other
	// position in the block is relative to it.
	Start int
	Len   int
	// Text is the block's source, the key under which its model is reused.
	Text string
	Kind Ident
	Name Ident // Name.Text is "" when the header ends before a name
	// Body is nil when the header ends before `{`.
	Body *Object
	// Comments inside the block.
	Comments []Span
	// Syntax holds the syntax errors inside the block.
	Syntax []SyntaxError
	// Memo caches what analysis derives from this block alone.
	Memo *Memo
	// norm caches NormalizeName(Name.Text): the index and the group cache
	// need it for every block of every snapshot.
	norm string
}

// NormName is the block's name in NormalizeName form.
func (b *Block) NormName() string {
	if b.norm == "" && b.Name.Text != "" {
		return NormalizeName(b.Name.Text)
	}
	return b.norm
}

// Abs converts a span relative to b into absolute file offsets.
func (b *Block) Abs(s Span) Span { return s.Shift(b.Start) }

// Rel converts an absolute file offset into one relative to b.
func (b *Block) Rel(offset int) int { return offset - b.Start }

// Span is the block's own range, relative to itself.
func (b *Block) Span() Span { return Span{0, b.Len} }

// Label names the block for messages: `fault_tolerance OrderService`.
func (b *Block) Label() string {
	if b.Name.Text == "" {
		return b.Kind.Text
	}
	// Rules ask for labels by the hundred thousand; a header written with
	// one space between kind and name already spells it.
	k, n := b.Kind.Span, b.Name.Span
	if k.Start >= 0 && n.End <= len(b.Text) && n.Start == k.End+1 && b.Text[k.End] == ' ' &&
		b.Text[k.Start:k.End] == b.Kind.Text && b.Text[n.Start:n.End] == b.Name.Text {
		return b.Text[k.Start:n.End]
	}
	return b.Kind.Text + " " + b.Name.Text
}

// Ident is an identifier with its span.
type Ident struct {
	Text string
	Span Span
}

// SyntaxError is one ERROR or MISSING node, already described for users.
type SyntaxError struct {
	Span Span
	Msg  string
}

// Value is a DPL value: *String, *Number, *Bool, *Array, *Object or *Bad.
type Value interface {
	ValueSpan() Span
	valueNode()
}

// String is a string literal. Value is the unescaped content.
type String struct {
	Span  Span
	Value string
	// Raw is the source text between the quotes, escapes included.
	Raw string
	// Unterminated is set when the closing quote is missing.
	Unterminated bool
}

// Number is a numeric literal.
type Number struct {
	Span  Span
	Text  string
	Value float64
}

// Bool is true or false.
type Bool struct {
	Span  Span
	Value bool
}

// Array is `[ … ]`.
type Array struct {
	Span  Span
	Elems []Value
}

// Object is `{ … }`: an ordered list of members.
type Object struct {
	Span    Span
	Members []*Member
	// Closed is false when the closing `}` is missing.
	Closed bool
}

// Bad stands where a value should be but the text is not one (a syntax error
// the parser recovered from, or a missing value).
type Bad struct {
	Span Span
	Text string
}

// Member is `key: value`. Value is nil only if the parser produced no node at
// all; a missing value is a *Bad.
type Member struct {
	Span  Span
	Key   Ident
	Value Value
}

func (v *String) ValueSpan() Span { return v.Span }
func (v *Number) ValueSpan() Span { return v.Span }
func (v *Bool) ValueSpan() Span   { return v.Span }
func (v *Array) ValueSpan() Span  { return v.Span }
func (v *Object) ValueSpan() Span { return v.Span }
func (v *Bad) ValueSpan() Span    { return v.Span }

func (*String) valueNode() {}
func (*Number) valueNode() {}
func (*Bool) valueNode()   {}
func (*Array) valueNode()  {}
func (*Object) valueNode() {}
func (*Bad) valueNode()    {}

// Get returns the first member named key, or nil.
func (o *Object) Get(key string) *Member {
	if o == nil {
		return nil
	}
	for _, m := range o.Members {
		if m.Key.Text == key {
			return m
		}
	}
	return nil
}

// Value returns the value of the first member named key, or nil.
func (o *Object) Value(key string) Value {
	if m := o.Get(key); m != nil {
		return m.Value
	}
	return nil
}

// Lookup follows a path of keys through nested objects.
func (o *Object) Lookup(path ...string) Value {
	var v Value = o
	for _, k := range path {
		obj, ok := v.(*Object)
		if !ok {
			return nil
		}
		v = obj.Value(k)
		if v == nil {
			return nil
		}
	}
	return v
}

// Keys lists the member keys in order.
func (o *Object) Keys() []string {
	keys := make([]string, 0, len(o.Members))
	for _, m := range o.Members {
		keys = append(keys, m.Key.Text)
	}
	return keys
}

// NormalizeName is the form under which service names link to blocks:
// case-insensitive, ignoring `-` and `_` ("order-service" ~ OrderService).
func NormalizeName(s string) string {
	if isNormalASCII(s) {
		return s // most names arrive normalized (the index's group keys)
	}
	if isASCII(s) {
		out := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '-' || c == '_':
			case 'A' <= c && c <= 'Z':
				out = append(out, c+'a'-'A')
			default:
				out = append(out, c)
			}
		}
		return string(out)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if r != '-' && r != '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isNormalASCII reports whether NormalizeName would return s unchanged
// because it is ASCII without upper case letters, '-' or '_'.
func isNormalASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '-' || c == '_' || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Memo holds one value computed lazily and at most once. A block carries a
// Memo that travels with it when the block is reused in a later snapshot, so
// whatever analysis caches there (its findings) is reused too.
type Memo struct {
	once sync.Once
	v    any
}

// Do returns the memoized value, computing it with fn the first time.
func (m *Memo) Do(fn func() any) any {
	m.once.Do(func() { m.v = fn() })
	return m.v
}

// ValueOffset maps byte i of the unescaped Value to its offset in the
// source (relative to the block, like Span): features that point into a
// string's content — a metric name inside an alert condition — need the
// position of the text the user wrote, escapes included. An offset past
// the content maps to the closing quote.
func (s *String) ValueOffset(i int) int {
	base := s.Span.Start + 1
	if s.Raw == s.Value {
		return base + min(i, len(s.Raw))
	}
	raw, val := 0, 0
	for raw < len(s.Raw) && val < i {
		if s.Raw[raw] != '\\' || raw+1 >= len(s.Raw) {
			raw, val = raw+1, val+1
			continue
		}
		n := 2
		if s.Raw[raw+1] == 'u' && raw+6 <= len(s.Raw) {
			n = 6
		}
		raw += n
		val += len(unescape(s.Raw[raw-n : raw]))
	}
	return base + raw
}
