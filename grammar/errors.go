package grammar

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// Node types the rest of dpls matches on. The grammar defines them; keeping
// them here lets a renamed node break the build instead of a feature.
const (
	NodeSourceFile   = "source_file"
	NodeBlock        = "block"
	NodeObject       = "object"
	NodeMember       = "member"
	NodeArray        = "array"
	NodeString       = "string"
	NodeStringText   = "string_content"
	NodeEscape       = "escape_sequence"
	NodeNumber       = "number"
	NodeBoolean      = "boolean"
	NodeIdentifier   = "identifier"
	NodeComment      = "comment"
	NodeMissingBrace = "missing_brace"
	NodeError        = "ERROR"

	FieldKind  = "kind"
	FieldName  = "name"
	FieldBody  = "body"
	FieldKey   = "key"
	FieldValue = "value"
)

// SyntaxError is the first syntax error of a tree, as `dpls fmt` and
// `dpls parse` report it.
type SyntaxError struct {
	// Offset is the byte of the text where it is reported.
	Offset int
	// Msg says what is wrong, naming the block it damages.
	Msg string
}

// FirstSyntaxError returns the first syntax error of the tree under root
// (src is its text) in document order, or nil when there is none. It
// reads the tree through Flatten, so the node-level checks and sentences
// exist once, on the Flat (IsSyntaxErrorAt, DescribeAt, ErrorOffsetAt).
func FirstSyntaxError(root *sitter.Node, src []byte) *SyntaxError {
	fl := Flatten(root)
	for i := range fl.Nodes {
		if fl.IsSyntaxErrorAt(i) {
			return &SyntaxError{Offset: fl.ErrorOffsetAt(i, src), Msg: fl.DescribeAt(i, src)}
		}
	}
	return nil
}

// ErrorOffsetAt is the byte where syntax-error node i of a Flat of src is
// reported: its start, except for a missing_brace. The scanner emits that
// where it saw the brace was missing — at the next block's header or the
// end of the text — and the object's range rightly runs up to there (the
// lines typed after the last member are still inside the block), but the
// `}` belongs just after the text before it, whitespace aside; that is
// where it is reported.
func (f *Flat) ErrorOffsetAt(i int, src []byte) int {
	n := &f.Nodes[i]
	if n.Type() == NodeMissingBrace {
		return afterText(src, int(n.StartByte))
	}
	return int(n.StartByte)
}

// afterText returns the offset just after the last byte before off that
// is not whitespace (the lexer's four whitespace bytes).
func afterText(src []byte, off int) int {
	for off > 0 && (src[off-1] == ' ' || src[off-1] == '\t' || src[off-1] == '\r' || src[off-1] == '\n') {
		off--
	}
	return off
}
