package format

// Options are the layout choices an editor may pass; the zero value is the
// canonical form `dpls fmt` writes.
type Options struct {
	// IndentWidth is the number of spaces per nesting level (default 2).
	// With UseTabs it is the width a tab counts for in LineWidth.
	IndentWidth int
	// UseTabs indents with one tab per nesting level instead of spaces,
	// for editors configured with insertSpaces: false.
	UseTabs bool
	// LineWidth is the column a one-line object or array must fit in to stay
	// on one line (default 100).
	LineWidth int
}

const (
	defaultIndentWidth = 2
	defaultLineWidth   = 100
)

// withDefaults fills the fields a caller left zero, so that Options{} means
// the canonical form.
func (o Options) withDefaults() Options {
	if o.IndentWidth <= 0 {
		o.IndentWidth = defaultIndentWidth
	}
	if o.LineWidth <= 0 {
		o.LineWidth = defaultLineWidth
	}
	return o
}
