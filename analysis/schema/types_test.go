package schema

import (
	"strings"
	"testing"
	"time"
)

// checkCase is one literal checked against one type.
type checkCase struct {
	name    string
	t       Type
	lit     Literal
	code    string // first problem's code, "" for none
	contain string // substring of the first problem's message
	fix     string // Source() of the first problem's replacement, "" for none
	display string // Display() when there is no error
}

func runChecks(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, c := range cases {
		n, probs := c.t.Check(c.lit)
		if c.code == "" {
			if len(probs) != 0 {
				t.Errorf("%s: unexpected problems %+v", c.name, probs)
			}
			if c.display != "" && n.Display() != c.display {
				t.Errorf("%s: Display = %q; want %q", c.name, n.Display(), c.display)
			}
			continue
		}
		if len(probs) == 0 {
			t.Errorf("%s: want %s, got no problem", c.name, c.code)
			continue
		}
		p := probs[0]
		fix := ""
		if p.Replacement != nil {
			fix = p.Replacement.Source()
		}
		if p.Code != c.code || !strings.Contains(p.Message, c.contain) || fix != c.fix {
			t.Errorf("%s: got %s %q fix %q; want %s containing %q fix %q", c.name, p.Code, p.Message, fix, c.code, c.contain, c.fix)
		}
	}
}

func TestCheckDuration(t *testing.T) {
	runChecks(t, []checkCase{
		{"ok", Duration{}, Str("90s"), "", "", "", "90s (1m30s)"},
		{"normal", Duration{}, Str("1m30s"), "", "", "", "1m30s"},
		{"bare string", Duration{}, Str("10"), CodeMalformed, `"10" is not a duration: add a unit such as "10s"`, `"10s"`, ""},
		{"bare string ms", Duration{Unit: "ms"}, Str("100"), CodeMalformed, `add a unit such as "100ms"`, `"100ms"`, ""},
		{"number", Duration{}, Num("10"), CodeMalformed, `10 is not a duration: add a unit such as "10s"`, `"10s"`, ""},
		{"bool", Duration{}, BoolLit(true), CodeMalformed, "must be a duration, not a boolean", "", ""},
		{"range", posDuration, Str("0s"), CodeOutOfRange, "value must be > 0s", `"1ms"`, ""},
		{"r4j range", Duration{Range: AtLeast(ms(time.Second), "Resilience4j")}, Str("500ms"), CodeOutOfRange,
			"value must be ≥ 1s; Resilience4j rejects 500ms", `"1s"`, ""},
	})
}

func TestCheckSizePercentRatio(t *testing.T) {
	threshold := Percent{Range: AboveUpTo(0, 100, "Resilience4j")}
	runChecks(t, []checkCase{
		{"size", Size{}, Str("2gb"), "", "", "", "2gb (2147483648 bytes)"},
		{"size space", Size{}, Str("10 gb"), CodeMalformed, "remove the space", `"10gb"`, ""},
		{"size number", Size{}, Num("16384"), CodeMalformed, `add a unit such as "16kb"`, `"16kb"`, ""},
		{"percent", threshold, Str("50%"), "", "", "", "50%"},
		{"percent 150", threshold, Str("150%"), CodeOutOfRange, "value must be in (0%, 100%]; Resilience4j rejects 150%", `"100%"`, ""},
		{"percent 0", threshold, Str("0%"), CodeOutOfRange, "Resilience4j rejects 0%", `"1%"`, ""},
		{"percent bare", threshold, Str("50"), CodeMalformed, `add "%"`, `"50%"`, ""},
		{"percent number", threshold, Num("50"), CodeMalformed, "50 is not a percent", `"50%"`, ""},
		{"percent fraction", threshold, Num("0.5"), CodeMalformed, "0.5 is not a percent", `"50%"`, ""},
		{"ratio", ratio, Num("0.99"), "", "", "", "0.99"},
		{"ratio > 1", ratio, Num("99"), CodeOutOfRange, "value must be in [0, 1]", "0.99", ""},
		{"ratio negative", ratio, Num("-1"), CodeOutOfRange, "value must be in [0, 1]", "0", ""},
		{"ratio string", ratio, Str("0.001"), CodeNumberString, "write 0.001 without quotes", "0.001", ""},
		{"ratio word", ratio, Str("low"), CodeMalformed, `"low" is not a ratio`, "", ""},
	})
}

func TestCheckNumbers(t *testing.T) {
	runChecks(t, []checkCase{
		{"count", posCount, Num("3"), "", "", "", "3"},
		{"count string", posCount, Str("1000"), CodeNumberString, "is a number: write 1000 without quotes", "1000", ""},
		{"count fraction", posCount, Num("3.5"), CodeMalformed, "whole number", "", ""},
		{"count zero", Count{Range: AtLeast(1, "Resilience4j")}, Num("0"), CodeOutOfRange, "value must be ≥ 1; Resilience4j rejects 0", "1", ""},
		{"port", Count{Range: Between(1, 65535, "every target")}, Num("70000"), CodeOutOfRange, "must be in [1, 65535]", "65535", ""},
		{"count word", posCount, Str("many"), CodeMalformed, `"many" is not a count`, "", ""},
		{"number", Number{Range: AtLeast(1, "")}, Num("2.0"), "", "", "", "2.0 (2)"},
		{"multiplier", Number{Range: AtLeast(1, "Resilience4j")}, Num("0.5"), CodeOutOfRange, "Resilience4j rejects 0.5", "1", ""},
		{"number bool", Number{}, BoolLit(false), CodeMalformed, "not a boolean", "", ""},
	})
	n, probs := posCount.Check(Str("1000"))
	if !n.FromString || n.Int != 1000 || probs[0].Severity != SeverityHint {
		t.Errorf("count string: %+v %+v", n, probs)
	}
}

func TestCheckQuantityRate(t *testing.T) {
	runChecks(t, []checkCase{
		{"cpu", Quantity{Resource: "cpu"}, Str("500m"), "", "", "", "500m (0.5)"},
		{"mem", Quantity{Resource: "memory"}, Str("128Mi"), "", "", "", "128Mi (134217728)"},
		{"number", Quantity{}, Num("2"), "", "", "", "2"},
		{"bad", Quantity{}, Str("1K"), CodeMalformed, `unknown suffix "K"`, `"1k"`, ""},
		{"negative", Quantity{}, Str("-1"), CodeOutOfRange, "must be ≥ 0", "", ""},
		{"rate", Rate{}, Str("1000 req/s"), "", "", "", "1000 req/s"},
		{"rate rpm", Rate{}, Str("60 rpm"), "", "", "", "60 rpm (1 req/s)"},
		{"rate bare", Rate{}, Str("1000"), CodeMalformed, "add a unit", `"1000 req/s"`, ""},
		{"rate number", Rate{}, Num("1000"), CodeMalformed, "1000 is not a rate", `"1000 req/s"`, ""},
		{"rate zero", Rate{Range: Above(0, "")}, Str("0 rps"), CodeOutOfRange, "must be > 0 req/s", `"1 req/s"`, ""},
	})
	n, _ := Quantity{}.Check(Str("400m"))
	if !n.Quantity.IsMilli() {
		t.Error("400m must be milli")
	}
}

func TestCheckEnum(t *testing.T) {
	backoff := enum("fixed", "exponential", "exponential_jitter", "linear")
	acks := Enum{Members: []string{"0", "1", "all"}, Numeric: true}
	checker := Enum{Members: []string{"spin", "nuxmv", "tlc"}, FoldCase: true}
	runChecks(t, []checkCase{
		{"member", backoff, Str("exponential"), "", "", "", `"exponential"`},
		{"typo", backoff, Str("exponental"), CodeMalformed, `"exponental" is not a valid value; did you mean "exponential"?`, `"exponential"`, ""},
		{"far", backoff, Str("sometimes"), CodeMalformed, `expected "fixed" | "exponential"`, "", ""},
		{"case", backoff, Str("Fixed"), CodeMalformed, `did you mean "fixed"?`, `"fixed"`, ""},
		{"acks all", acks, Str("all"), "", "", "", ""},
		{"acks number", acks, Num("1"), "", "", "", ""},
		{"acks string 1", acks, Str("1"), "", "", "", ""},
		{"acks 2", acks, Num("2"), CodeMalformed, `"2" is not a valid value`, "", ""},
		{"fold", checker, Str("nuXmv"), "", "", "", ""},
		{"number for string enum", enum("0", "x"), Num("0"), CodeMalformed, "values are strings", `"0"`, ""},
		{"object", backoff, Literal{Kind: LitObject}, CodeMalformed, "not an object", "", ""},
	})
	n, _ := checker.Check(Str("nuXmv"))
	if n.Text != "nuxmv" {
		t.Errorf("fold case normalizes to %q", n.Text)
	}
}

func TestCheckTextTypes(t *testing.T) {
	runChecks(t, []checkCase{
		{"string", strT, Str("x"), "", "", "", `"x"`},
		{"string from number", strT, Num("1"), CodeMalformed, "must be a string", `"1"`, ""},
		{"template", Template{}, Str("order:{order_id}"), "", "", "", ""},
		{"template unclosed", Template{}, Str("order:{id"), CodeMalformed, `unclosed "{"`, "", ""},
		{"template stray", Template{}, Str("order}"), CodeMalformed, `unmatched "}"`, "", ""},
		{"template bad name", Template{}, Str("{1x}"), CodeMalformed, "must be an identifier", "", ""},
		{"bool", boolT, BoolLit(true), "", "", "", "true"},
		{"bool string", boolT, Str("true"), CodeMalformed, "write true without quotes", "true", ""},
		{"expr", Expression{Over: RefMetric}, Str("error_rate > 0.05"), "", "", "", ""},
		{"expr empty", Expression{}, Str(" "), CodeMalformed, "is empty", "", ""},
		{"expr parens", Expression{}, Str("rate(x[5m]"), CodeMalformed, "in the arguments of rate, found end of condition", "", ""},
		{"ref", Reference{To: RefService}, Str("order-service"), "", "", "", ""},
		{"ref empty", Reference{To: RefService}, Str(""), CodeMalformed, "is empty", "", ""},
		{"hostport", HostPort{}, Str("web2:8080"), "", "", "", ""},
		{"host only", HostPort{}, Str("web1"), "", "", "", ""},
		{"ipv6", HostPort{PortRequired: true}, Str("[::1]:6379"), "", "", "", ""},
		{"port required", HostPort{PortRequired: true}, Str("redis-1"), CodeMalformed, "needs a port", "", ""},
		{"port range", HostPort{}, Str("web:70000"), CodeOutOfRange, "port must be in [1, 65535]", `"web:65535"`, ""},
		{"port word", HostPort{}, Str("web:http"), CodeMalformed, "not a port number", "", ""},
		{"any", Any{}, Literal{Kind: LitObject}, "", "", "", ""},
	})
	n, _ := Template{}.Check(Str("{a}:{b}"))
	if strings.Join(n.Placeholders, ",") != "a,b" {
		t.Errorf("placeholders = %v", n.Placeholders)
	}
	hp, _ := HostPort{}.Check(Str("web2:8080"))
	if hp.Text != "web2" || hp.Int != 8080 {
		t.Errorf("host:port = %+v", hp)
	}
}

func TestCheckComposite(t *testing.T) {
	threshold := oneOf(posCount, Percent{Range: AboveUpTo(0, 100, "Resilience4j")})
	window := oneOf(posCount, Duration{Range: AtLeast(ms(time.Second), "Resilience4j")})
	retry := oneOf(posCount, obj())
	runChecks(t, []checkCase{
		{"object", obj(), Literal{Kind: LitObject}, "", "", "", ""},
		{"object wrong", obj(), Str("x"), CodeMalformed, "must be an object", "", ""},
		{"list", strList, Literal{Kind: LitArray}, "", "", "", ""},
		{"list wrong", strList, Str("x"), CodeMalformed, "must be a list of string", "", ""},
		{"count alt", threshold, Num("5"), "", "", "", "5"},
		{"percent alt", threshold, Str("50%"), "", "", "", "50%"},
		{"percent alt range", threshold, Str("150%"), CodeOutOfRange, "Resilience4j rejects 150%", `"100%"`, ""},
		{"neither", threshold, Str("abc"), CodeMalformed, `"abc" is not a percent`, "", ""},
		{"window duration", window, Str("10s"), "", "", "", "10s"},
		{"window count", window, Num("100"), "", "", "", "100"},
		{"retry shorthand", retry, Num("5"), "", "", "", "5"},
		{"retry object", retry, Literal{Kind: LitObject}, "", "", "", ""},
		{"retry bool", retry, BoolLit(true), CodeMalformed, "must be a count or object", "", ""},
	})
	n, _ := threshold.Check(Str("50%"))
	if _, ok := n.Type.(Percent); !ok {
		t.Errorf("percent alternative not reported: %T", n.Type)
	}
}

func TestLiteralSource(t *testing.T) {
	tests := map[Literal]string{
		Str(`a"b\c`):       `"a\"b\\c"`,
		Str("x\ny\tz\x01"): `"x\ny\tz\u0001"`,
		Num("1.5"):         "1.5",
		BoolLit(false):     "false",
	}
	for lit, want := range tests {
		if got := lit.Source(); got != want {
			t.Errorf("Source(%+v) = %s; want %s", lit, got, want)
		}
	}
}
