package grammar_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// queryCaptures lists, per query file, the capture names editors act on
// (nvim-treesitter's names, which Neovim's highlighter and Helix's
// highlights largely share). A capture outside the list is a typo an editor
// would silently ignore.
var queryCaptures = map[string][]string{
	"highlights.scm": {
		"keyword", "type", "property", "string", "string.escape", "number",
		"boolean", "comment", "punctuation.bracket", "punctuation.delimiter",
	},
	"folds.scm":   {"fold"},
	"indents.scm": {"indent.begin", "indent.end", "indent.branch", "indent.auto", "indent.dedent", "indent.ignore", "indent.zero", "indent.align"},
	"locals.scm":  {"local.scope", "local.definition", "local.reference"},
}

func loadQuery(t testing.TB, name string) *sitter.Query {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("queries", name))
	if err != nil {
		t.Fatal(err)
	}
	q, err := sitter.NewQuery(src, grammar.Language())
	if err != nil {
		t.Fatalf("queries/%s: %v", name, err)
	}
	return q
}

// TestQueriesCompile compiles every query file against the grammar, so a
// renamed node or field breaks the build here rather than in an editor, and
// checks that each uses only the capture names editors know.
func TestQueriesCompile(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("queries", "*.scm"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, path := range files {
		name := filepath.Base(path)
		seen[name] = true
		q := loadQuery(t, name)
		allowed, ok := queryCaptures[name]
		if !ok {
			t.Errorf("queries/%s: no capture list in queryCaptures", name)
			continue
		}
		for i := uint32(0); i < q.CaptureCount(); i++ {
			c := q.CaptureNameForId(i)
			if !contains(allowed, c) {
				t.Errorf("queries/%s: capture @%s is not one of %v", name, c, allowed)
			}
		}
		q.Close()
	}
	for name := range queryCaptures {
		if !seen[name] {
			t.Errorf("queries/%s is missing", name)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestHighlight runs queries/highlights.scm over each test/highlight/*.dpl
// and checks its assertions, written as in tree-sitter's highlight tests: a
// comment line holding only an assertion refers to the closest non-blank
// line above it that is not an assertion.
//
//	fault_tolerance OrderService {
//	# <- keyword
//	#               ^^^^ type
//	  retry: 3
//	#        ^ !string
//
// `<-` asserts at the column where the comment starts, each `^` at its own
// column; `!` negates.
// The capture at a position is the one of the smallest captured node that
// contains it, the later pattern winning a tie, as Neovim draws them;
// `none` asserts that no capture covers the position.
func TestHighlight(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("test", "highlight", "*.dpl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test/highlight/*.dpl files")
	}
	q := loadQuery(t, "highlights.scm")
	defer q.Close()
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tree := grammar.Parse(src)
		if bad := grammar.FirstSyntaxError(tree.RootNode(), src); bad != nil {
			t.Errorf("%s:%d: syntax error: %s", path, grammar.PointAt(src, bad.Offset).Row+1, bad.Msg)
		}
		captures := highlightCaptures(q, tree.RootNode(), src)
		asserts := highlightAssertions(src)
		if len(asserts) == 0 {
			t.Errorf("%s: no assertions", path)
		}
		for _, a := range asserts {
			if a.bad != "" {
				t.Errorf("%s:%d: malformed assertion %q: want `# <- name` or `#  ^ name`", path, a.row+1, a.bad)
				continue
			}
			got := captureAt(captures, a.offset)
			if (got == a.want) == a.negate {
				not := ""
				if a.negate {
					not = "not "
				}
				t.Errorf("%s:%d:%d: want %s%s, got %s", path, a.row+1, a.col+1, not, a.want, got)
			}
		}
	}
}

type capture struct {
	name       string
	start, end uint32
	order      int // pattern index: later patterns win ties
}

func highlightCaptures(q *sitter.Query, root *sitter.Node, src []byte) []capture {
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(q, root)
	var out []capture
	for {
		m, ok := qc.NextMatch()
		if !ok {
			break
		}
		m = qc.FilterPredicates(m, src)
		for _, c := range m.Captures {
			out = append(out, capture{
				name:  q.CaptureNameForId(c.Index),
				start: c.Node.StartByte(),
				end:   c.Node.EndByte(),
				order: int(m.PatternIndex),
			})
		}
	}
	return out
}

// captureAt names the capture that colours the byte at offset.
func captureAt(captures []capture, offset int) string {
	best := -1
	for i, c := range captures {
		if int(c.start) > offset || offset >= int(c.end) {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		b := captures[best]
		size, bestSize := c.end-c.start, b.end-b.start
		if size < bestSize || size == bestSize && c.order >= b.order {
			best = i
		}
	}
	if best < 0 {
		return "none"
	}
	return captures[best].name
}

type assertion struct {
	row, col int // of the asserted position, 0-based; col in runes
	offset   int // byte offset of the asserted position
	want     string
	negate   bool
	bad      string // a malformed assertion line
}

var (
	assertLine = regexp.MustCompile(`^(\s*)(#|//)\s*(<-|\^+)(.*)$`)
	assertWant = regexp.MustCompile(`^\s*(!?)([\w.]+)\s*$`)
)

// highlightAssertions finds the assertion comments of src and resolves each
// to a byte offset in the line it refers to.
func highlightAssertions(src []byte) []assertion {
	lines := strings.SplitAfter(string(src), "\n")
	starts := make([]int, len(lines))
	for i, off := 0, 0; i < len(lines); i++ {
		starts[i] = off
		off += len(lines[i])
	}
	var out []assertion
	target := -1
	for i, line := range lines {
		text := strings.TrimRight(line, "\r\n")
		m := assertLine.FindStringSubmatchIndex(text)
		if m == nil {
			if strings.TrimSpace(text) != "" {
				target = i
			}
			continue
		}
		if target < 0 {
			continue // an assertion above any code asserts nothing
		}
		w := assertWant.FindStringSubmatch(text[m[8]:m[9]])
		if w == nil {
			out = append(out, assertion{row: i, bad: text})
			continue
		}
		want, negate := w[2], w[1] == "!"
		var cols []int
		if arrow := text[m[6]:m[7]]; arrow == "<-" {
			cols = []int{utf8.RuneCountInString(text[:m[4]])}
		} else {
			for k := m[6]; k < m[7]; k++ {
				cols = append(cols, utf8.RuneCountInString(text[:k]))
			}
		}
		for _, col := range cols {
			off, ok := runeOffset(lines[target], col)
			if !ok {
				off = -1 // past the end of the line: no capture
			} else {
				off += starts[target]
			}
			out = append(out, assertion{row: target, col: col, offset: off, want: want, negate: negate})
		}
	}
	return out
}

// runeOffset returns the byte offset of the col-th rune of line.
func runeOffset(line string, col int) (int, bool) {
	line = strings.TrimRight(line, "\r\n")
	n := 0
	for off := range line {
		if n == col {
			return off, true
		}
		n++
	}
	return 0, false
}

// TestHighlightAssertionsResolve checks the assertion reader itself, so a
// broken reader cannot make TestHighlight pass vacuously.
func TestHighlightAssertionsResolve(t *testing.T) {
	src := []byte("a B { s: \"é\", t: 1 }\n# <- keyword\n\n//        ^^ string\n#              ^ punctuation.delimiter\n#                                  ^ !none\n#  ^ two words\n")
	got := highlightAssertions(src)
	want := []assertion{
		{row: 0, col: 0, offset: 0, want: "keyword"},
		{row: 0, col: 10, offset: 10, want: "string"},
		{row: 0, col: 11, offset: 12, want: "string"},
		{row: 0, col: 15, offset: 16, want: "punctuation.delimiter"},
		{row: 0, col: 35, offset: -1, want: "none", negate: true},
		{row: 6, bad: "#  ^ two words"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d assertions %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("assertion %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	q := loadQuery(t, "highlights.scm")
	defer q.Close()
	caps := highlightCaptures(q, grammar.Parse(src).RootNode(), src)
	if c := captureAt(caps, 0); c != "keyword" {
		t.Errorf("capture at 0 = %s, want keyword", c)
	}
	for _, a := range want[:4] {
		if c := captureAt(caps, a.offset); c != a.want {
			t.Errorf("capture at %d = %s, want %s", a.offset, c, a.want)
		}
	}
	if c := captureAt(caps, -1); c != "none" {
		t.Errorf("capture past the end of a line = %s, want none", c)
	}
}

// TestFolds checks that objects, arrays and block comments fold and line
// comments do not.
func TestFolds(t *testing.T) {
	src := []byte("// line\n/* block\n */\na B {\n  l: [\n    1\n  ]\n}\n")
	q := loadQuery(t, "folds.scm")
	defer q.Close()
	var got []string
	for _, c := range highlightCaptures(q, grammar.Parse(src).RootNode(), src) {
		got = append(got, string(src[c.start:c.end])[:2])
	}
	want := []string{"/*", "{\n", "[\n"}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("folds start with %q, want %q", got, want)
	}
}
