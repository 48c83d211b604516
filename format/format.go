package format

import (
	"bytes"

	"github.com/dpls-dev/dpls/grammar"
)

// Source returns src in canonical form, or a *SyntaxError when src does not
// parse cleanly.
func Source(src []byte, opts Options) ([]byte, error) {
	f, err := layout(src, opts)
	if err != nil {
		return nil, err
	}
	return f.p.out, nil
}

// layout parses src and prints it, keeping what Edits and Range need to
// tell the input and the output apart.
func layout(src []byte, opts Options) (*formatter, error) {
	tree := grammar.Parse(src)
	defer tree.Close()
	root := tree.RootNode()
	if err := syntaxError(root, src); err != nil {
		return nil, err
	}
	f := &formatter{src: src, p: newPrinter(opts.withDefaults(), lineEnding(src), len(src))}
	f.file(build(root))
	return f, nil
}

// lineEnding is CRLF when every line of src ends in CRLF, else LF: a file
// is normalized to LF unless its author consistently chose CRLF.
func lineEnding(src []byte) string {
	lf := bytes.Count(src, []byte{'\n'})
	if lf > 0 && bytes.Count(src, []byte("\r\n")) == lf {
		return "\r\n"
	}
	return "\n"
}
