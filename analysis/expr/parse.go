package expr

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Error is a parse error at a span of the condition.
type Error struct {
	Span Span
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%d: %s", e.Span.Start, e.Msg) }

// Parse parses a condition. It stops at the first error, as Prometheus
// does, so the message is about the real mistake and not its echoes.
func Parse(src string) (Node, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, p.errorf(t, "unexpected %s after a complete expression", describe(t))
	}
	return n, nil
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}

func (p *parser) errorf(t token, format string, args ...any) error {
	return &Error{Span: t.span, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) expect(op string) (token, error) {
	t := p.next()
	if t.kind != tokOp || t.text != op {
		return t, p.errorf(t, "expected %q, found %s", op, describe(t))
	}
	return t, nil
}

func describe(t token) string {
	switch t.kind {
	case tokEOF:
		return "end of condition"
	case tokString:
		return "string " + t.text
	}
	return fmt.Sprintf("%q", t.text)
}

// Binary operator precedence, PromQL's: or < and/unless < comparisons <
// +,- < *,/,%,atan2 < ^ (right-associative).
func precedence(t token) int {
	switch t.text {
	case "or":
		return 1
	case "and", "unless":
		return 2
	case "==", "!=", ">", "<", ">=", "<=":
		return 3
	case "+", "-":
		return 4
	case "*", "/", "%", "atan2":
		return 5
	case "^":
		return 6
	}
	return 0
}

func isBinaryOp(t token) bool {
	if t.kind == tokIdent {
		return t.text == "and" || t.text == "or" || t.text == "unless" || t.text == "atan2"
	}
	return t.kind == tokOp && precedence(t) > 0
}

// expr parses a binary expression whose operators bind tighter than min.
func (p *parser) expr(min int) (Node, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		prec := precedence(t)
		if !isBinaryOp(t) || prec <= min {
			return left, nil
		}
		p.next()
		b := &Binary{Op: t.text, OpSpan: t.span, L: left}
		if IsComparison(t.text) && p.peek().kind == tokIdent && p.peek().text == "bool" {
			p.next()
			b.Bool = true
		}
		if err := p.vectorMatching(); err != nil {
			return nil, err
		}
		next := prec
		if t.text == "^" {
			next = prec - 1 // right-associative
		}
		if b.R, err = p.expr(next); err != nil {
			return nil, err
		}
		b.Span = Span{left.NodeSpan().Start, b.R.NodeSpan().End}
		left = b
	}
}

// vectorMatching skips `on(…)`/`ignoring(…)` and `group_left(…)`/
// `group_right(…)`: they change which series pair up, not which metrics
// the condition reads.
func (p *parser) vectorMatching() error {
	for _, kw := range [][]string{{"on", "ignoring"}, {"group_left", "group_right"}} {
		t := p.peek()
		if t.kind != tokIdent || (t.text != kw[0] && t.text != kw[1]) {
			continue
		}
		p.next()
		if p.peek().kind == tokOp && p.peek().text == "(" {
			if _, err := p.labelList(); err != nil {
				return err
			}
		} else if kw[0] == "on" {
			return p.errorf(p.peek(), "expected a label list after %s", t.text)
		}
	}
	return nil
}

func (p *parser) unary() (Node, error) {
	t := p.peek()
	if t.kind == tokOp && (t.text == "-" || t.text == "+") {
		p.next()
		// Unary minus binds looser than ^ (-2^2 is -4), tighter than *.
		x, err := p.expr(precedence(token{text: "*"}))
		if err != nil {
			return nil, err
		}
		return &Unary{Span: Span{t.span.Start, x.NodeSpan().End}, Op: t.text, X: x}, nil
	}
	return p.postfix()
}

// postfix parses a primary and its range, subquery and offset suffixes.
func (p *parser) postfix() (Node, error) {
	n, err := p.primary()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokOp && t.text == "[" {
		if n, err = p.rangeSuffix(n); err != nil {
			return nil, err
		}
	}
	if t := p.peek(); t.kind == tokIdent && t.text == "offset" {
		p.next()
		d, err := p.duration(true)
		if err != nil {
			return nil, err
		}
		switch x := n.(type) {
		case *Selector:
			x.Offset, x.Span.End = d.text, d.span.End
		case *Subquery:
			x.Span.End = d.span.End
		default:
			return nil, p.errorf(d, "offset must follow a selector or a subquery")
		}
	}
	return n, nil
}

func (p *parser) rangeSuffix(n Node) (Node, error) {
	open := p.next()
	rng, err := p.duration(false)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokOp && t.text == ":" {
		p.next()
		step := ""
		if t := p.peek(); !(t.kind == tokOp && t.text == "]") {
			d, err := p.duration(false)
			if err != nil {
				return nil, err
			}
			step = d.text
		}
		closing, err := p.expect("]")
		if err != nil {
			return nil, err
		}
		return &Subquery{Span: Span{n.NodeSpan().Start, closing.span.End}, X: n, Range: rng.text, Step: step}, nil
	}
	closing, err := p.expect("]")
	if err != nil {
		return nil, err
	}
	sel, ok := n.(*Selector)
	if !ok || sel.Range != "" {
		return nil, &Error{Span: Span{open.span.Start, closing.span.End}, Msg: "a range [" + rng.text + "] must follow a metric name; use [" + rng.text + ":] for a subquery"}
	}
	sel.Range, sel.Span.End = rng.text, closing.span.End
	return sel, nil
}

// duration reads a duration token; a plain number counts as seconds, as
// Prometheus 3 accepts. A leading minus is allowed for offsets.
func (p *parser) duration(signed bool) (token, error) {
	t := p.next()
	if signed && t.kind == tokOp && t.text == "-" {
		d, err := p.duration(false)
		d.text, d.span.Start = "-"+d.text, t.span.Start
		return d, err
	}
	if t.kind != tokDuration && t.kind != tokNumber {
		return t, p.errorf(t, "expected a duration such as 5m, found %s", describe(t))
	}
	return t, nil
}

func (p *parser) primary() (Node, error) {
	t := p.next()
	switch t.kind {
	case tokNumber:
		return number(t)
	case tokString:
		return &String{Span: t.span, Value: t.value}, nil
	case tokDuration:
		return nil, p.errorf(t, "a duration (%s) can only appear in a range [..] or after offset", t.text)
	case tokIdent:
		return p.identifier(t)
	case tokOp:
		switch t.text {
		case "(":
			x, err := p.expr(0)
			if err != nil {
				return nil, err
			}
			closing, err := p.expect(")")
			if err != nil {
				return nil, err
			}
			return &Paren{Span: Span{t.span.Start, closing.span.End}, X: x}, nil
		case "{":
			return nil, p.errorf(t, "a label matcher needs a metric name before it")
		}
	}
	if t.kind == tokEOF {
		return nil, p.errorf(t, "the condition ends where a value was expected")
	}
	return nil, p.errorf(t, "expected a metric, number or function, found %s", describe(t))
}

func number(t token) (Node, error) {
	text := strings.ToLower(t.text)
	var v float64
	var err error
	if strings.HasPrefix(text, "0x") {
		var u uint64
		u, err = strconv.ParseUint(text[2:], 16, 64)
		v = float64(u)
	} else {
		v, err = strconv.ParseFloat(text, 64)
	}
	if err != nil {
		return nil, &Error{Span: t.span, Msg: fmt.Sprintf("%s is not a number", t.text)}
	}
	return &Number{Span: t.span, Text: t.text, Value: v}, nil
}

func (p *parser) identifier(t token) (Node, error) {
	switch lower := strings.ToLower(t.text); {
	case lower == "inf" || lower == "nan":
		v := math.Inf(1)
		if lower == "nan" {
			v = math.NaN()
		}
		return &Number{Span: t.span, Text: t.text, Value: v}, nil
	case keywords[t.text]:
		return nil, p.errorf(t, "%s is a keyword; a metric, number or function was expected", t.text)
	}
	next := p.peek()
	if aggregations[t.text] && (next.kind == tokIdent && (next.text == "by" || next.text == "without") || next.kind == tokOp && next.text == "(") {
		return p.aggregation(t)
	}
	if next.kind == tokOp && next.text == "(" {
		if _, ok := functions[t.text]; !ok {
			return nil, p.errorf(t, "unknown function %s", t.text)
		}
		return p.call(t)
	}
	return p.selector(t)
}

func (p *parser) call(name token) (*Call, error) {
	c := &Call{Func: name.text, FuncSpan: name.span}
	closing, err := p.args(c)
	if err != nil {
		return nil, err
	}
	c.Span = Span{name.span.Start, closing.span.End}
	arity := functions[name.text]
	if len(c.Args) < arity[0] || (arity[1] >= 0 && len(c.Args) > arity[1]) {
		return nil, &Error{Span: c.Span, Msg: fmt.Sprintf("%s takes %s, got %d", name.text, arityText(arity), len(c.Args))}
	}
	return c, nil
}

func arityText(a [2]int) string {
	switch {
	case a[0] == a[1] && a[0] == 1:
		return "1 argument"
	case a[0] == a[1]:
		return fmt.Sprintf("%d arguments", a[0])
	case a[1] < 0:
		return fmt.Sprintf("at least %d arguments", a[0])
	}
	return fmt.Sprintf("%d to %d arguments", a[0], a[1])
}

// args parses `( expr, … )` into c.Args and returns the closing token.
func (p *parser) args(c *Call) (token, error) {
	if _, err := p.expect("("); err != nil {
		return token{}, err
	}
	if t := p.peek(); t.kind == tokOp && t.text == ")" {
		return p.next(), nil
	}
	for {
		a, err := p.expr(0)
		if err != nil {
			return token{}, err
		}
		c.Args = append(c.Args, a)
		t := p.next()
		if t.kind == tokOp && t.text == ")" {
			return t, nil
		}
		if t.kind != tokOp || t.text != "," {
			return t, p.errorf(t, "expected \",\" or \")\" in the arguments of %s, found %s", c.Func, describe(t))
		}
	}
}

// aggregation parses `sum by (l) (x)` and `sum(x) by (l)`.
func (p *parser) aggregation(name token) (*Call, error) {
	c := &Call{Func: name.text, FuncSpan: name.span}
	var err error
	if c.Grouping, err = p.grouping(); err != nil {
		return nil, err
	}
	closing, err := p.args(c)
	if err != nil {
		return nil, err
	}
	c.Span = Span{name.span.Start, closing.span.End}
	if c.Grouping == nil {
		if c.Grouping, err = p.grouping(); err != nil {
			return nil, err
		}
		if c.Grouping != nil {
			c.Span.End = p.toks[p.pos-1].span.End
		}
	}
	want := 1
	if paramAggregations[name.text] {
		want = 2
	}
	if len(c.Args) != want {
		return nil, &Error{Span: c.Span, Msg: fmt.Sprintf("%s takes %d argument(s), got %d", name.text, want, len(c.Args))}
	}
	return c, nil
}

func (p *parser) grouping() (*Grouping, error) {
	t := p.peek()
	if t.kind != tokIdent || (t.text != "by" && t.text != "without") {
		return nil, nil
	}
	p.next()
	labels, err := p.labelList()
	if err != nil {
		return nil, err
	}
	return &Grouping{Without: t.text == "without", Labels: labels}, nil
}

func (p *parser) labelList() ([]string, error) {
	if _, err := p.expect("("); err != nil {
		return nil, err
	}
	var labels []string
	for {
		t := p.next()
		switch {
		case t.kind == tokOp && t.text == ")":
			return labels, nil
		case t.kind == tokIdent:
			labels = append(labels, t.text)
		default:
			return nil, p.errorf(t, "expected a label name, found %s", describe(t))
		}
		if sep := p.peek(); sep.kind == tokOp && sep.text == "," {
			p.next()
		}
	}
}

func (p *parser) selector(name token) (*Selector, error) {
	s := &Selector{Span: name.span, Name: name.text, NameSpan: name.span}
	if t := p.peek(); !(t.kind == tokOp && t.text == "{") {
		return s, nil
	}
	p.next()
	for {
		t := p.next()
		if t.kind == tokOp && t.text == "}" {
			s.Span.End = t.span.End
			return s, nil
		}
		if t.kind != tokIdent {
			return nil, p.errorf(t, "expected a label name, found %s", describe(t))
		}
		op := p.next()
		if op.kind != tokOp || (op.text != "=" && op.text != "!=" && op.text != "=~" && op.text != "!~") {
			return nil, p.errorf(op, "expected =, !=, =~ or !~ after label %s, found %s", t.text, describe(op))
		}
		v := p.next()
		if v.kind != tokString {
			return nil, p.errorf(v, "expected a quoted label value, found %s", describe(v))
		}
		s.Matchers = append(s.Matchers, Matcher{Span: Span{t.span.Start, v.span.End}, Label: t.text, Op: op.text, Value: v.value})
		if sep := p.peek(); sep.kind == tokOp && sep.text == "," {
			p.next()
		}
	}
}
