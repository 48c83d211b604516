package rules

import (
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// langBlock builds a one-block model from text, the way the analysis does.
func langBlock(t *testing.T, text string) *model.Block {
	t.Helper()
	b := &model.Block{Text: text, Len: len(text)}
	open := strings.IndexByte(text, '{')
	b.Body = &model.Object{Span: model.Span{Start: open, End: strings.LastIndexByte(text, '}') + 1}, Closed: true}
	return b
}

// member adds a member whose source is exactly src (first occurrence).
func member(t *testing.T, b *model.Block, src string) *model.Member {
	t.Helper()
	at := strings.Index(b.Text, src)
	if at < 0 {
		t.Fatalf("%q not in block", src)
	}
	key := src[:strings.IndexByte(src, ':')]
	m := &model.Member{Span: model.Span{Start: at, End: at + len(src)}, Key: model.Ident{Text: key, Span: model.Span{Start: at, End: at + len(key)}}}
	b.Body.Members = append(b.Body.Members, m)
	return m
}

func applyBlockEdit(text string, s model.Span, with string) string {
	return text[:s.Start] + with + text[s.End:]
}

func TestLangRemoveMember(t *testing.T) {
	for _, c := range []struct{ name, text, remove, want string }{
		{"own line", "x A {\n  a: 1\n  b: 2\n}", "b: 2", "x A {\n  a: 1\n}"},
		{"own line with comment", "x A {\n  a: 1 // keep?\n  b: 2\n}", "a: 1", "x A {\n  b: 2\n}"},
		{"one line, comma", "x A { a: 1, b: 2 }", "a: 1", "x A { b: 2 }"},
		{"one line, last", "x A { a: 1, b: 2 }", "b: 2", "x A { a: 1, }"},
		{"crlf", "x A {\r\n  a: 1\r\n  b: 2\r\n}", "a: 1", "x A {\r\n  b: 2\r\n}"},
	} {
		b := langBlock(t, c.text)
		m := member(t, b, c.remove)
		fix := langRemoveMember(b, m, "Remove")
		if got := applyBlockEdit(c.text, fix.Edits[0].Span, fix.Edits[0].NewText); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLangInsertMember(t *testing.T) {
	for _, c := range []struct {
		name, text string
		members    []string
		want       string
	}{
		{"multi-line", "x A {\n  a: 1\n}", []string{"a: 1"}, "x A {\n  a: 1\n  k: 2\n}"},
		{"multi-line, comment", "x A {\n\ta: 1 // c\n}", []string{"a: 1"}, "x A {\n\ta: 1 // c\n\tk: 2\n}"},
		{"brace on member line", "x A {\n  a: 1 }", []string{"a: 1"}, "x A {\n  a: 1\n  k: 2 }"},
		{"one line", "x A { a: 1 }", []string{"a: 1"}, "x A { a: 1, k: 2 }"},
		{"empty", "x A {}", nil, "x A { k: 2 }"},
		{"empty multi-line", "x A {\n}", nil, "x A {\n  k: 2\n}"},
	} {
		b := langBlock(t, c.text)
		for _, m := range c.members {
			member(t, b, m)
		}
		fix := langInsertMember(b, b.Body, "k", "2", "Add k")
		if got := applyBlockEdit(c.text, fix.Edits[0].Span, fix.Edits[0].NewText); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLangReplacementKey(t *testing.T) {
	for note, want := range map[string]string{
		"use `max_attempts`: it counts the first call": "max_attempts",
		"Compose V2 ignores it; remove it":             "",
		"use `":                                        "",
	} {
		got, ok := langReplacementKey(note)
		if got != want || ok != (want != "") {
			t.Errorf("%q: got %q %v, want %q", note, got, ok, want)
		}
	}
}

func TestLangPatternKey(t *testing.T) {
	level, _ := schema.Lookup("multi_level_fault_tolerance")
	modes, _ := schema.Lookup("dynamic_consistency")
	for _, c := range []struct {
		s         *schema.Object
		key, want string
	}{
		{level.Body, "levl_2", "level_2"},
		{level.Body, "lvl_12", "level_12"},
		{level.Body, "retry", ""},
		{modes.Body, "failure_mod", "failure_mode"},
		{modes.Body, "fast", ""},
	} {
		got, ok := langPatternKey(c.key, c.s)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: got %q %v, want %q", c.key, got, ok, c.want)
		}
	}
}
