package expr

// Span is a half-open byte range of the condition text.
type Span struct{ Start, End int }

// Node is one expression node.
type Node interface{ NodeSpan() Span }

// Number is a numeric literal (also Inf and NaN).
type Number struct {
	Span  Span
	Text  string
	Value float64
}

// String is a quoted string literal.
type String struct {
	Span  Span
	Value string
}

// Selector is a metric name with optional label matchers, range and offset:
// `http_requests_total{code="500"}[5m] offset 1h`.
type Selector struct {
	Span     Span
	Name     string
	NameSpan Span
	Matchers []Matcher
	// Range is the range-vector duration text ("5m"), empty for an instant
	// vector.
	Range  string
	Offset string
}

// Matcher is one label matcher: `code="500"`, `job=~"api.*"`.
type Matcher struct {
	Span  Span
	Label string
	Op    string
	Value string
}

// Call is a function or aggregation call. Grouping holds the labels of
// `by (…)` or `without (…)`.
type Call struct {
	Span     Span
	Func     string
	FuncSpan Span
	Args     []Node
	Grouping *Grouping
}

// Grouping is an aggregation's `by (…)` or `without (…)` clause.
type Grouping struct {
	Without bool
	Labels  []string
}

// Binary is `L op R`; Bool is set for comparisons with the `bool` modifier.
type Binary struct {
	Span   Span
	Op     string
	OpSpan Span
	L, R   Node
	Bool   bool
}

// Unary is `-x` or `+x`.
type Unary struct {
	Span Span
	Op   string
	X    Node
}

// Paren is `(x)`.
type Paren struct {
	Span Span
	X    Node
}

// Subquery is `x[range:step]` on an expression that is not a selector.
type Subquery struct {
	Span        Span
	X           Node
	Range, Step string
}

func (n *Number) NodeSpan() Span   { return n.Span }
func (n *String) NodeSpan() Span   { return n.Span }
func (n *Selector) NodeSpan() Span { return n.Span }
func (n *Call) NodeSpan() Span     { return n.Span }
func (n *Binary) NodeSpan() Span   { return n.Span }
func (n *Unary) NodeSpan() Span    { return n.Span }
func (n *Paren) NodeSpan() Span    { return n.Span }
func (n *Subquery) NodeSpan() Span { return n.Span }

// IsComparison reports whether op compares its operands.
func IsComparison(op string) bool {
	switch op {
	case "==", "!=", ">", "<", ">=", "<=":
		return true
	}
	return false
}
