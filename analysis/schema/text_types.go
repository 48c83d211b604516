package schema

import (
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/expr"
	"github.com/dpls-dev/dpls/analysis/units"
)

// Quantity is a Kubernetes resource quantity ("500m", "128Mi", "2").
// Resource is "cpu" or "memory"; it only changes the hover unit, the
// millis-on-memory check is rule K8002 in the analyzer.
type Quantity struct{ Resource string }

// Rate is a throughput such as "1000 req/s"; Normalized.Number is req/s.
type Rate struct{ Range *Range }

// String is free text. Format, when set, names what the text is ("path",
// "URL", "command") for hover.
type String struct{ Format string }

// Template is a string with {var} placeholders (lock_key "order:{order_id}").
type Template struct{}

// Bool is true or false.
type Bool struct{}

// Expression is a small condition such as "error_rate > 0.05" whose
// identifiers refer to Over (metrics of the block with the same name). The
// analyzer parses it with package expr (PromQL's alerting subset); Check
// reports the first syntax error.
type Expression struct{ Over RefTarget }

// HostPort is "host" or "host:port". With PortRequired the port must be
// present (cache nodes "redis-1:6379").
type HostPort struct{ PortRequired bool }

func (Quantity) String() string   { return "Kubernetes quantity" }
func (Rate) String() string       { return "rate" }
func (String) String() string     { return "string" }
func (Template) String() string   { return "template string" }
func (Bool) String() string       { return "boolean" }
func (Expression) String() string { return "expression" }
func (t HostPort) String() string {
	if t.PortRequired {
		return "host:port"
	}
	return "host[:port]"
}

func (Quantity) accepts(k LiteralKind) bool   { return k == LitString || k == LitNumber }
func (Rate) accepts(k LiteralKind) bool       { return k == LitString }
func (String) accepts(k LiteralKind) bool     { return k == LitString }
func (Template) accepts(k LiteralKind) bool   { return k == LitString }
func (Bool) accepts(k LiteralKind) bool       { return k == LitBool }
func (Expression) accepts(k LiteralKind) bool { return k == LitString }
func (HostPort) accepts(k LiteralKind) bool   { return k == LitString }

// Check implements Type.
func (t Quantity) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Rate) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t String) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Template) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Bool) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Expression) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t HostPort) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

func (t Quantity) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValQuantity, Type: t, Source: lit.Text}
	if !t.accepts(lit.Kind) {
		return n, wrongKind(subject, lit, t)
	}
	q, err := units.ParseQuantity(lit.Text)
	if err != nil {
		return n, unitsProblem(err)
	}
	n.Quantity = q
	if q.Value.Sign() < 0 {
		return n, []Problem{{Code: CodeOutOfRange, Severity: SeverityError,
			Message: subject + " must be ≥ 0; Kubernetes rejects " + q.Text}}
	}
	return n, nil
}

func (t Rate) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValRate, Type: t, Source: lit.Text}
	switch lit.Kind {
	case LitNumber:
		fix := Str(lit.Text + " req/s")
		if _, err := units.ParseRate(fix.Text); err != nil {
			return n, []Problem{malformed(lit.Text+` is not a rate: write a number and a unit such as "1000 req/s"`, nil)}
		}
		return n, []Problem{malformed(lit.Text+" is not a rate: write "+fix.Source(), &fix)}
	case LitString:
	default:
		return n, wrongKind(subject, lit, t)
	}
	r, err := units.ParseRate(lit.Text)
	if err != nil {
		return n, unitsProblem(err)
	}
	n.Number = r
	return n, t.Range.check(rangeCheck{
		subject: subject, value: r, step: 1, format: units.FormatRate,
		literal: func(v float64) Literal { return Str(units.FormatRate(v)) },
	})
}

func (t String) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValString, Type: t, Source: lit.Text, Text: lit.Text}
	if lit.Kind == LitNumber || lit.Kind == LitBool {
		fix := Str(lit.Text)
		return n, []Problem{malformed(subject+" must be a string: write "+fix.Source(), &fix)}
	}
	if lit.Kind != LitString {
		return n, wrongKind(subject, lit, t)
	}
	return n, nil
}

func (t Template) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValString, Type: t, Source: lit.Text, Text: lit.Text}
	if lit.Kind != LitString {
		return n, wrongKind(subject, lit, t)
	}
	names, msg := placeholders(lit.Text)
	if msg != "" {
		return n, []Problem{malformed(strconv.Quote(lit.Text)+" is not a valid template: "+msg, nil)}
	}
	n.Placeholders = names
	return n, nil
}

// placeholders extracts {name} placeholders, or explains why the braces do
// not form them (a stray "}" or an unclosed "{").
func placeholders(s string) ([]string, string) {
	var names []string
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '}':
			return nil, "unmatched \"}\""
		case '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, "unclosed \"{\""
			}
			name := s[i+1 : i+end]
			if !isIdentifier(name) {
				return nil, "placeholder {" + name + "} must be an identifier such as {order_id}"
			}
			names = append(names, name)
			i += end
		}
	}
	return names, ""
}

// isIdentifier matches the DPL identifier token [A-Za-z_][A-Za-z0-9_-]*.
func isIdentifier(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z')
		if !letter && (i == 0 || !(c == '-' || (c >= '0' && c <= '9'))) {
			return false
		}
	}
	return s != ""
}

func (t Bool) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValBool, Type: t, Source: lit.Text}
	if lit.Kind == LitString && (lit.Text == "true" || lit.Text == "false") {
		fix := Literal{Kind: LitBool, Text: lit.Text}
		return n, []Problem{malformed(subject+" is a boolean: write "+lit.Text+" without quotes", &fix)}
	}
	if lit.Kind != LitBool {
		return n, wrongKind(subject, lit, t)
	}
	n.Bool = lit.Text == "true"
	return n, nil
}

func (t Expression) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValString, Type: t, Source: lit.Text, Text: lit.Text}
	if lit.Kind != LitString {
		return n, wrongKind(subject, lit, t)
	}
	if strings.TrimSpace(lit.Text) == "" {
		return n, []Problem{malformed(subject+" is empty: write a condition such as \"error_rate > 0.05\"", nil)}
	}
	if _, err := expr.Parse(lit.Text); err != nil {
		msg := err.Error()
		if e, ok := err.(*expr.Error); ok {
			msg = e.Msg
		}
		return n, []Problem{malformed(strconv.Quote(lit.Text)+" is not a valid condition: "+msg, nil)}
	}
	return n, nil
}

func (t HostPort) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValHostPort, Type: t, Source: lit.Text}
	if lit.Kind != LitString {
		return n, wrongKind(subject, lit, t)
	}
	host, port, hasPort := splitHostPort(lit.Text)
	n.Text = host
	if host == "" || strings.ContainsAny(host, " /") {
		return n, []Problem{malformed(strconv.Quote(lit.Text)+" is not a "+t.String()+" such as \"10.0.0.1:8080\"", nil)}
	}
	if !hasPort {
		if t.PortRequired {
			return n, []Problem{malformed(strconv.Quote(lit.Text)+" needs a port: write \""+host+":<port>\"", nil)}
		}
		return n, nil
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		return n, []Problem{malformed(strconv.Quote(port)+" is not a port number", nil)}
	}
	n.Int = int64(p)
	return n, portRange.check(rangeCheck{
		subject: "port", value: float64(p), step: 1,
		format:  func(v float64) string { return strconv.Itoa(int(v)) },
		literal: func(v float64) Literal { return Str(host + ":" + strconv.Itoa(int(v))) },
	})
}

// portRange is the TCP port range every target enforces.
var portRange = Between(1, 65535, "every target")

// splitHostPort splits "host:port", keeping bracketed IPv6 hosts whole.
func splitHostPort(s string) (host, port string, ok bool) {
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", "", false
		}
		host, rest := s[:end+1], s[end+1:]
		port, ok = strings.CutPrefix(rest, ":")
		return host, port, ok
	}
	i := strings.LastIndexByte(s, ':')
	if i < 0 || strings.Count(s, ":") > 1 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}
