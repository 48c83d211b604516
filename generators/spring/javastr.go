package spring

import (
	"fmt"
	"strings"
	"unicode"
)

// javaString quotes s as a Java string literal. javac turns \uXXXX into
// characters before it lexes, so the escapes here never use that form:
// backslashes are doubled (a backslash after an odd run of backslashes
// cannot start a Unicode escape), quotes escaped, and control characters
// written as octal escapes. Other characters stay as UTF-8.
func javaString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\%03o`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// javaComment writes text as Java line comments. Control characters become
// spaces and backslashes are doubled, so neither a line break nor a
// \u000a escape (which javac decodes even inside comments) can end one.
func javaComment(indent, text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(indent + "// ")
		b.WriteString(strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return ' '
			}
			return r
		}, strings.ReplaceAll(l, `\`, `\\`)))
		b.WriteByte('\n')
	}
	return b.String()
}

// javaKeywords are reserved words (and literals) no identifier may be.
var javaKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`abstract assert boolean break byte case catch char class const continue
		default do double else enum extends final finally float for goto if implements import instanceof int
		interface long native new package private protected public return short static strictfp super switch
		synchronized this throw throws transient try void volatile while true false null var yield record
		sealed permits non-sealed _`) {
		javaKeywords[k] = true
	}
}

// className turns a DPL name into a Java class name: words in upper camel
// case, only ASCII letters and digits, starting with a letter.
func className(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	out := b.String()
	if out == "" || unicode.IsDigit(rune(out[0])) {
		out = "Service" + out
	}
	return out
}

// validPackage reports whether p is a dotted Java package name of plain
// ASCII identifiers, none a keyword.
func validPackage(p string) bool {
	if p == "" {
		return false
	}
	for _, seg := range strings.Split(p, ".") {
		if seg == "" || javaKeywords[seg] {
			return false
		}
		for i, r := range seg {
			ok := r < unicode.MaxASCII && (unicode.IsLetter(r) || r == '_' || r == '$' || (i > 0 && unicode.IsDigit(r)))
			if !ok {
				return false
			}
		}
	}
	return true
}

// defaultPackage is com.example.<name in lower case letters and digits>.
func defaultPackage(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	seg := b.String()
	if seg == "" || javaKeywords[seg] || (seg[0] >= '0' && seg[0] <= '9') {
		seg = "svc" + seg
	}
	return "com.example." + seg
}
