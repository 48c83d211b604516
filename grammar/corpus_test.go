package grammar_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/grammar"
)

var update = flag.Bool("update", false, "rewrite the expected trees of test/corpus/*.txt from the parser's output")

// A corpusCase is one test of a test/corpus/*.txt file, in tree-sitter's
// format:
//
//	==================
//	name
//	:error
//	==================
//
//	input
//
//	---
//
//	(expected s-expression)
//
// Attribute lines (`:error`) follow the name. A `:error` case has no expected
// tree: it asserts only that the input has a syntax error. The input is the
// text between the header and the `---` line without its leading and
// trailing blank lines, plus a final newline (files end with one) unless it is
// empty.
type corpusCase struct {
	name     string
	attrs    []string
	input    string
	expected string
	line     int // of the name, for messages
}

func (c corpusCase) wantError() bool {
	for _, a := range c.attrs {
		if a == ":error" {
			return true
		}
	}
	return false
}

var (
	headerLine  = regexp.MustCompile(`^={3,}$`)
	dividerLine = regexp.MustCompile(`^-{3,}$`)
)

// parseCorpus splits a corpus file into its cases.
func parseCorpus(text string) ([]corpusCase, error) {
	lines := strings.Split(text, "\n")
	var cases []corpusCase
	i := 0
	for i < len(lines) {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		if !headerLine.MatchString(lines[i]) {
			return nil, fmt.Errorf("line %d: expected a ==== header, found %q", i+1, lines[i])
		}
		c := corpusCase{line: i + 2}
		i++
		if i >= len(lines) || headerLine.MatchString(lines[i]) {
			return nil, fmt.Errorf("line %d: test without a name", i+1)
		}
		c.name = strings.TrimSpace(lines[i])
		i++
		for i < len(lines) && strings.HasPrefix(lines[i], ":") {
			c.attrs = append(c.attrs, strings.TrimSpace(lines[i]))
			i++
		}
		for _, a := range c.attrs {
			if a != ":error" {
				return nil, fmt.Errorf("line %d: %s: unknown attribute %s", c.line, c.name, a)
			}
		}
		if i >= len(lines) || !headerLine.MatchString(lines[i]) {
			return nil, fmt.Errorf("line %d: %s: expected the closing ==== header", i+1, c.name)
		}
		i++
		start := i
		for i < len(lines) && !dividerLine.MatchString(lines[i]) {
			if headerLine.MatchString(lines[i]) {
				return nil, fmt.Errorf("line %d: %s: no --- line before the next test", i+1, c.name)
			}
			i++
		}
		if i >= len(lines) {
			return nil, fmt.Errorf("line %d: %s: no --- line", c.line, c.name)
		}
		c.input = strings.Trim(strings.Join(lines[start:i], "\n"), "\n")
		if c.input != "" {
			c.input += "\n"
		}
		i++
		start = i
		for i < len(lines) && !headerLine.MatchString(lines[i]) {
			i++
		}
		c.expected = strings.TrimSpace(strings.Join(lines[start:i], "\n"))
		cases = append(cases, c)
	}
	return cases, nil
}

// formatCorpus writes cases back in the layout parseCorpus reads.
func formatCorpus(cases []corpusCase) string {
	const rule = "=================="
	var b strings.Builder
	for i, c := range cases {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(rule + "\n" + c.name + "\n")
		for _, a := range c.attrs {
			b.WriteString(a + "\n")
		}
		b.WriteString(rule + "\n\n")
		if c.input != "" {
			b.WriteString(c.input + "\n")
		}
		b.WriteString("---\n")
		if c.expected != "" {
			b.WriteString("\n" + c.expected + "\n")
		}
	}
	return b.String()
}

func corpusFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("test", "corpus", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test/corpus/*.txt files")
	}
	return files
}

func readCorpus(t testing.TB, path string) []corpusCase {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := parseCorpus(string(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cases
}

// TestCorpus parses every case of test/corpus and compares its tree with the
// expected one. With -update it rewrites the expected trees instead.
func TestCorpus(t *testing.T) {
	for _, path := range corpusFiles(t) {
		cases := readCorpus(t, path)
		seen := map[string]bool{}
		for i := range cases {
			c := &cases[i]
			if seen[c.name] {
				t.Errorf("%s:%d: duplicate test name %q", path, c.line, c.name)
			}
			seen[c.name] = true
			root := grammar.Parse([]byte(c.input)).RootNode()
			got := grammar.Sexp(root, false)
			if c.wantError() {
				if grammar.FirstSyntaxError(root, []byte(c.input)) == nil {
					t.Errorf("%s:%d: %s: want a syntax error, got none:\n%s", path, c.line, c.name, got)
				}
				continue
			}
			if *update {
				c.expected = got
				continue
			}
			if grammar.NormalizeSexp(got) != grammar.NormalizeSexp(c.expected) {
				t.Errorf("%s:%d: %s\ninput:\n%s\nexpected:\n%s\n\nactual:\n%s", path, c.line, c.name, c.input, c.expected, got)
			}
		}
		if *update {
			out := formatCorpus(cases)
			if old, _ := os.ReadFile(path); !bytes.Equal(old, []byte(out)) {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("updated %s", path)
			}
		}
	}
}

// TestCorpusFormat checks that the corpus files are in the layout -update
// writes, so hand edits stay tidy.
func TestCorpusFormat(t *testing.T) {
	for _, path := range corpusFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cases := readCorpus(t, path)
		if got := formatCorpus(cases); got != string(data) {
			t.Errorf("%s is not in canonical layout; run `go test ./grammar -run TestCorpus -update`", path)
		}
	}
}
