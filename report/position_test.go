package report

import (
	"bytes"
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func TestPositions(t *testing.T) {
	src := []byte("ab\r\né😀x\n\tz")
	l := newLines(src)
	for _, c := range []struct {
		offset int
		want   pos
	}{
		{0, pos{0, 1, 1, 1}},
		{2, pos{2, 1, 3, 3}},             // the \r
		{4, pos{4, 2, 1, 1}},             // after CRLF
		{6, pos{6, 2, 3, 2}},             // after the 2-byte é
		{10, pos{10, 2, 7, 4}},           // after the emoji, a surrogate pair
		{11, pos{11, 2, 8, 5}},           // the \n ending line 2
		{13, pos{13, 3, 2, 2}},           // z after a tab
		{14, pos{14, 3, 3, 3}},           // end of file, no final newline
		{99, pos{14, 3, 3, 3}},           // clamped
		{-5, pos{0, 1, 1, 1}},            // clamped
		{5, pos{5, 2, 2, 1}},             // inside é: counts as its start
		{8, pos{8, 2, 5, 2}},             // inside the emoji
		{len("ab\r\n"), pos{4, 2, 1, 1}}, // same as 4
	} {
		if got := l.at(c.offset); got != c.want {
			t.Errorf("at(%d) = %+v, want %+v", c.offset, got, c.want)
		}
	}
	if got := newLines([]byte("a\x80\x80b")).at(2); got != (pos{2, 1, 3, 3}) {
		t.Errorf("after invalid bytes: %+v, want each byte to count one", got)
	}
	for line, want := range map[int]string{1: "ab", 2: "é😀x", 3: "\tz"} {
		if got := string(l.text(line)); got != want {
			t.Errorf("text(%d) = %q, want %q", line, got, want)
		}
	}
}

// TestTextEdgeCases: a finding at the end of a file without a final
// newline, in an empty file, and a line with control characters, which
// must not reach the terminal.
func TestTextEdgeCases(t *testing.T) {
	r := Report{
		Sources: map[string][]byte{"a.dpl": []byte("x {"), "e.dpl": nil, "c.dpl": []byte("k: \"\x1b[31m\" v\n")},
		Diagnostics: []rule.Diagnostic{
			{Location: rule.Location{File: "a.dpl", Span: model.Span{Start: 3, End: 3}}, Severity: rule.Error, Code: "SYN001", Message: "expected `}`"},
			{Location: rule.Location{File: "e.dpl", Span: model.Span{Start: 0, End: 0}}, Severity: rule.Hint, Code: "X1", Message: "empty"},
			{Location: rule.Location{File: "c.dpl", Span: model.Span{Start: 10, End: 11}}, Severity: rule.Warning, Code: "X2", Message: "v"},
		},
	}
	var b bytes.Buffer
	if err := Text(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "a.dpl:1:4: error: expected `}` [SYN001]\n    1 | x {\n      |    ^\n" +
		"e.dpl:1:1: hint: empty [X1]\n    1 | \n      | ^\n" +
		"c.dpl:1:11: warning: v [X2]\n    1 | k: \"\uFFFD[31m\" v\n      |           ^\n" +
		"3 problems (1 error, 1 warning, 1 hint)\n"
	if b.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", b.String(), want)
	}
}
