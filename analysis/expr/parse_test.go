package expr

import (
	"fmt"
	"strings"
	"testing"
)

// sexp renders a tree compactly for exact comparisons.
func sexp(n Node) string {
	switch x := n.(type) {
	case *Number:
		return x.Text
	case *String:
		return fmt.Sprintf("%q", x.Value)
	case *Selector:
		s := x.Name
		for _, m := range x.Matchers {
			s += fmt.Sprintf("{%s%s%q}", m.Label, m.Op, m.Value)
		}
		if x.Range != "" {
			s += "[" + x.Range + "]"
		}
		if x.Offset != "" {
			s += " offset " + x.Offset
		}
		return s
	case *Call:
		args := make([]string, len(x.Args))
		for i, a := range x.Args {
			args[i] = sexp(a)
		}
		g := ""
		if x.Grouping != nil {
			kw := "by"
			if x.Grouping.Without {
				kw = "without"
			}
			g = " " + kw + "(" + strings.Join(x.Grouping.Labels, ",") + ")"
		}
		return x.Func + g + "(" + strings.Join(args, ", ") + ")"
	case *Binary:
		op := x.Op
		if x.Bool {
			op += " bool"
		}
		return "(" + sexp(x.L) + " " + op + " " + sexp(x.R) + ")"
	case *Unary:
		return "(" + x.Op + sexp(x.X) + ")"
	case *Paren:
		return sexp(x.X)
	case *Subquery:
		return sexp(x.X) + "[" + x.Range + ":" + x.Step + "]"
	}
	return "?"
}

func TestParse(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"error_rate > 0.05", "(error_rate > 0.05)"},
		{"circuit_breaker_state == 1", "(circuit_breaker_state == 1)"},
		{"rate(fallback_calls[5m]) > 1", "(rate(fallback_calls[5m]) > 1)"},
		{"histogram_quantile(0.99, sum by (le) (rate(response_time_bucket[5m]))) > 0.5",
			"(histogram_quantile(0.99, sum by(le)(rate(response_time_bucket[5m]))) > 0.5)"},
		{"sum(rate(x[1m])) by (job) > 2", "(sum by(job)(rate(x[1m])) > 2)"},
		{`errors{code="500", job=~"api.*"} / requests > 0.1`, `((errors{code="500"}{job=~"api.*"} / requests) > 0.1)`},
		{"a > 1 and b < 2 or c == 3", "(((a > 1) and (b < 2)) or (c == 3))"},
		{"a + b * c ^ 2 ^ 3", "(a + (b * (c ^ (2 ^ 3))))"},
		{"-a > bool 2", "((-a) > bool 2)"},
		{"max_over_time(rate(x[1m])[10m:30s]) > 3", "(max_over_time(rate(x[1m])[10m:30s]) > 3)"},
		{"x offset 5m > x", "(x offset 5m > x)"},
		{"a / on(job) group_left(env) b > 1", "((a / b) > 1)"},
		{"topk(3, requests) > Inf", "(topk(3, requests) > Inf)"},
		{"time() - last_seen > 300", "((time() - last_seen) > 300)"},
		{"job:errors:rate5m > 1e-3", "(job:errors:rate5m > 1e-3)"},
	} {
		n, err := Parse(tc.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.src, err)
			continue
		}
		if got := sexp(n); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.src, got, tc.want)
		}
		if s := n.NodeSpan(); s.Start < 0 || s.End > len(tc.src) {
			t.Errorf("Parse(%q): span %v outside the text", tc.src, s)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		src, want string
		at        Span
	}{
		{"error_rate >", "the condition ends where a value was expected", Span{12, 12}},
		{"error_rate > > 1", `expected a metric, number or function, found ">"`, Span{13, 14}},
		{"rat(x[5m]) > 1", "unknown function rat", Span{0, 3}},
		{"rate(x[5m] > 1", `expected "," or ")" in the arguments of rate, found end of condition`, Span{14, 14}},
		{"x[5m > 1", `expected "]", found ">"`, Span{5, 6}},
		{"error_rate > 0.05 0.1", `unexpected "0.1" after a complete expression`, Span{18, 21}},
		{"rate(x) [5m]", "a range [5m] must follow a metric name; use [5m:] for a subquery", Span{8, 12}},
		{"x{code=500} > 1", "expected a quoted label value, found \"500\"", Span{7, 10}},
		{`x{code="5} > 1`, "unterminated string", Span{7, 14}},
		{"x > 5m", "a duration (5m) can only appear in a range [..] or after offset", Span{4, 6}},
		{"x && y", `unexpected character '&'`, Span{2, 3}},
		{"histogram_quantile(x) > 1", "histogram_quantile takes 2 arguments, got 1", Span{0, 21}},
		{"and > 1", "and is a keyword; a metric, number or function was expected", Span{0, 3}},
		{"", "the condition ends where a value was expected", Span{0, 0}},
	} {
		_, err := Parse(tc.src)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q) = %v, want error %q", tc.src, err, tc.want)
			continue
		}
		if e.Msg != tc.want || e.Span != tc.at {
			t.Errorf("Parse(%q) error = %q at %v, want %q at %v", tc.src, e.Msg, e.Span, tc.want, tc.at)
		}
	}
}

func TestUses(t *testing.T) {
	n, err := Parse("fallback_calls > 3 and rate(errors[5m]) / on(job) requests > 0.1 or histogram_quantile(0.9, rate(lat_bucket[1m])) > 1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range Uses(n) {
		got = append(got, fmt.Sprintf("%s@%d in=%q cmp=%v", u.Name, u.NameSpan.Start, u.InCall, u.Compared))
	}
	want := []string{
		`fallback_calls@0 in="" cmp=true`,
		`errors@28 in="rate" cmp=false`,
		`requests@50 in="" cmp=true`,
		`lat_bucket@97 in="rate" cmp=false`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Uses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"error_rate > 0.05", "rate(x[5m]) > 1", "sum by (le) (x)", `x{a="b"}[1m:] offset -1h`, "a ^ -b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, err := Parse(src)
		if err != nil {
			e := err.(*Error)
			if e.Span.Start < 0 || e.Span.End > len(src) || e.Span.Start > e.Span.End {
				t.Fatalf("error span %v outside %q", e.Span, src)
			}
			return
		}
		for _, u := range Uses(n) {
			if src[u.NameSpan.Start:u.NameSpan.End] != u.Name {
				t.Fatalf("selector %q at %v does not match the text %q", u.Name, u.NameSpan, src)
			}
		}
	})
}
