package expr

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

type tokKind int

const (
	tokEOF tokKind = iota
	tokIdent
	tokNumber
	tokDuration
	tokString
	tokOp    // operators and punctuation
	tokError // a character no token starts with
)

type token struct {
	kind tokKind
	text string
	span Span
	// value is the unquoted content of a string token.
	value string
}

// operators, longest first so that ">=" wins over ">".
var operators = []string{"==", "!=", ">=", "<=", "=~", "!~", ">", "<", "+", "-", "*", "/", "%", "^", "=", "(", ")", "{", "}", "[", "]", ",", ":"}

// lex splits src into tokens. Durations ("5m", "1h30m") are told from
// numbers by their unit letters; the parser accepts them only where PromQL
// does (ranges, offsets, subquery steps).
func lex(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && isIdentChar(src[j]) {
				j++
			}
			toks = append(toks, token{kind: tokIdent, text: src[i:j], span: Span{i, j}})
			i = j
		case isDigit(c) || (c == '.' && i+1 < len(src) && isDigit(src[i+1])):
			t := lexNumber(src, i)
			toks = append(toks, t)
			i = t.span.End
		case c == '"' || c == '\'' || c == '`':
			t, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i = t.span.End
		default:
			op := matchOperator(src[i:])
			if op == "" {
				r, size := utf8.DecodeRuneInString(src[i:])
				return nil, &Error{Span: Span{i, i + size}, Msg: fmt.Sprintf("unexpected character %q", r)}
			}
			toks = append(toks, token{kind: tokOp, text: op, span: Span{i, i + len(op)}})
			i += len(op)
		}
	}
	return append(toks, token{kind: tokEOF, span: Span{len(src), len(src)}}), nil
}

func matchOperator(s string) string {
	for _, op := range operators {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

// lexNumber reads a number, or a duration when unit letters follow digits
// ("5m", "1h30m", "250ms").
func lexNumber(src string, i int) token {
	j := i
	if strings.HasPrefix(src[i:], "0x") || strings.HasPrefix(src[i:], "0X") {
		j += 2
		for j < len(src) && isHex(src[j]) {
			j++
		}
		return token{kind: tokNumber, text: src[i:j], span: Span{i, j}}
	}
	for j < len(src) && (isDigit(src[j]) || src[j] == '.') {
		j++
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && isDigit(src[k]) {
			for k < len(src) && isDigit(src[k]) {
				k++
			}
			return token{kind: tokNumber, text: src[i:k], span: Span{i, k}}
		}
	}
	if j < len(src) && strings.IndexByte("smhdwy", src[j]) >= 0 {
		k := j
		for k < len(src) && (isDigit(src[k]) || strings.IndexByte("smhdwy", src[k]) >= 0) {
			k++
		}
		return token{kind: tokDuration, text: src[i:k], span: Span{i, k}}
	}
	return token{kind: tokNumber, text: src[i:j], span: Span{i, j}}
}

func lexString(src string, i int) (token, error) {
	quote := src[i]
	var b strings.Builder
	j := i + 1
	for j < len(src) {
		c := src[j]
		switch {
		case c == quote:
			return token{kind: tokString, text: src[i : j+1], span: Span{i, j + 1}, value: b.String()}, nil
		case c == '\\' && quote != '`' && j+1 < len(src):
			b.WriteByte(unescapeByte(src[j+1]))
			j += 2
		default:
			b.WriteByte(c)
			j++
		}
	}
	return token{}, &Error{Span: Span{i, len(src)}, Msg: "unterminated string"}
}

func unescapeByte(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	}
	return c
}

// isIdentStart leaves out ':', which recording-rule names may contain but
// which also separates a subquery's range from its step.
func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) || c == ':' }
func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
