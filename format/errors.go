package format

import (
	"fmt"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// SyntaxError is returned instead of formatted text when the input does not
// parse: the formatter never rewrites a file it cannot read completely.
type SyntaxError struct {
	Line int // 1-based
	Col  int // 1-based, in bytes, as `dpls parse` reports it
	Msg  string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// syntaxError returns the *SyntaxError for the first syntax error under
// root, or nil when the tree is clean.
func syntaxError(root *sitter.Node, src []byte) error {
	bad := grammar.FirstSyntaxError(root, src)
	if bad == nil {
		return nil
	}
	p := grammar.PointAt(src, bad.Offset)
	return &SyntaxError{Line: int(p.Row) + 1, Col: int(p.Column) + 1, Msg: bad.Msg}
}
