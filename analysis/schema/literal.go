// Package schema holds the schema of every DPL block kind as data: fields,
// value types, units, reference defaults, hard ranges, target keys and hover
// documentation. Completion, hover, diagnostics, the formatter's key order
// and the generators all read it, so no other package spells a field name.
//
// The package is deliberately independent of the parser: values reach it as
// a neutral Literal (kind + text), and it answers with a Normalized value
// and Problems that carry quick-fix data.
package schema

import (
	"strconv"
	"strings"
)

// LiteralKind is the syntactic kind of a DPL value.
type LiteralKind int

// The five value forms of the grammar.
const (
	LitString LiteralKind = iota + 1
	LitNumber
	LitBool
	LitObject
	LitArray
)

// String names the kind as messages show it ("expected a string").
func (k LiteralKind) String() string {
	switch k {
	case LitString:
		return "string"
	case LitNumber:
		return "number"
	case LitBool:
		return "boolean"
	case LitObject:
		return "object"
	case LitArray:
		return "list"
	}
	return "value"
}

// Literal is a value as the parser saw it. Text is the unquoted, unescaped
// content for strings, the source text for numbers and booleans, and may be
// empty (or the source text) for objects and arrays, which types only check
// structurally.
type Literal struct {
	Kind LiteralKind
	Text string
}

// Str, Num and BoolLit build literals; tests and quick fixes use them.
func Str(s string) Literal { return Literal{Kind: LitString, Text: s} }

// Num builds a number literal from its source text.
func Num(s string) Literal { return Literal{Kind: LitNumber, Text: s} }

// BoolLit builds a boolean literal.
func BoolLit(b bool) Literal { return Literal{Kind: LitBool, Text: strconv.FormatBool(b)} }

// Source renders the literal as DPL source text, quoting strings with the
// escapes of the language (\" \\ \n \t \uXXXX). Quick fixes insert this.
func (l Literal) Source() string {
	if l.Kind != LitString {
		return l.Text
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range l.Text {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u00`)
			b.WriteString(strconv.FormatInt(int64(r)>>4, 16))
			b.WriteString(strconv.FormatInt(int64(r)&15, 16))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
