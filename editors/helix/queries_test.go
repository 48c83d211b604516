package helix

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/dpls-dev/dpls/grammar"
)

// helixCaptures lists, per query file, the capture names Helix acts on
// (book: themes.md for highlights, guides/indent.md, guides/textobject.md,
// rainbow brackets). Helix ignores a capture it does not know, so a name
// outside these lists is a typo that would silently do nothing.
var helixCaptures = map[string][]string{
	"highlights.scm": {
		"attribute", "type", "type.builtin", "type.parameter", "type.enum", "type.enum.variant",
		"constructor", "constant", "constant.builtin", "constant.builtin.boolean",
		"constant.character", "constant.character.escape", "constant.numeric",
		"constant.numeric.integer", "constant.numeric.float", "string", "string.regexp",
		"string.special", "string.special.path", "string.special.url", "string.special.symbol",
		"comment", "comment.line", "comment.line.documentation", "comment.block",
		"comment.block.documentation", "comment.unused", "variable", "variable.builtin",
		"variable.parameter", "variable.other", "variable.other.member", "label", "punctuation",
		"punctuation.delimiter", "punctuation.bracket", "punctuation.special", "keyword",
		"keyword.control", "keyword.operator", "keyword.directive", "keyword.function",
		"keyword.storage", "keyword.storage.type", "keyword.storage.modifier", "operator",
		"function", "function.builtin", "function.method", "function.macro", "function.special",
		"tag", "tag.builtin", "namespace", "special",
	},
	"indents.scm": {"indent", "outdent", "indent.always", "outdent.always", "align", "anchor", "extend", "extend.prevent-once"},
	"textobjects.scm": {
		"function.inside", "function.around", "class.inside", "class.around", "test.inside",
		"test.around", "parameter.inside", "parameter.around", "comment.inside", "comment.around",
		"entry.inside", "entry.around", "xml-element.inside", "xml-element.around",
	},
	"rainbows.scm": {"rainbow.scope", "rainbow.bracket"},
}

func loadQuery(t *testing.T, name string) *sitter.Query {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("queries", "dpl", name))
	if err != nil {
		t.Fatal(err)
	}
	q, err := sitter.NewQuery(src, grammar.Language())
	if err != nil {
		t.Fatalf("queries/dpl/%s: %v", name, err)
	}
	t.Cleanup(q.Close)
	return q
}

// TestQueriesCompile compiles every Helix query against the grammar (what
// `cargo xtask query-check` does in Helix's repository) and checks the
// capture names; highlights.scm is the one file Helix requires.
func TestQueriesCompile(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("queries", "dpl", "*.scm"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		name := filepath.Base(f)
		names = append(names, name)
		allowed, ok := helixCaptures[name]
		if !ok {
			t.Errorf("queries/dpl/%s: Helix reads no query file of that name", name)
			continue
		}
		q := loadQuery(t, name)
		for i := uint32(0); i < q.CaptureCount(); i++ {
			if c := q.CaptureNameForId(i); !slices.Contains(allowed, c) {
				t.Errorf("queries/dpl/%s: Helix knows no capture @%s", name, c)
			}
		}
	}
	if !slices.Contains(names, "highlights.scm") {
		t.Error("queries/dpl/highlights.scm is missing")
	}
}

// capture is one capture of one node, as "row:col @name text" with 0-based
// rows and byte columns, the form the want lists below use.
type capture struct {
	node *sitter.Node
	name string
}

func (c capture) String(src []byte) string {
	p := c.node.StartPoint()
	return fmt.Sprintf("%d:%d @%s %s", p.Row, p.Column, c.name, c.node.Content(src))
}

// run executes a query file on testdata/sample.dpl the way Helix does,
// predicates (#match?, #not-match?) included.
func run(t *testing.T, name string) ([]byte, []capture) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "sample.dpl"))
	if err != nil {
		t.Fatal(err)
	}
	tree := grammar.Parse(src)
	t.Cleanup(tree.Close)
	if tree.RootNode().HasError() {
		t.Fatalf("testdata/sample.dpl has a syntax error: %s", tree.RootNode())
	}
	q := loadQuery(t, name)
	qc := sitter.NewQueryCursor()
	t.Cleanup(qc.Close)
	qc.Exec(q, tree.RootNode())
	var out []capture
	for {
		m, ok := qc.NextMatch()
		if !ok {
			break
		}
		for _, c := range qc.FilterPredicates(m, src).Captures {
			out = append(out, capture{node: c.Node, name: q.CaptureNameForId(c.Index)})
		}
	}
	return src, out
}

func TestQueryCaptures(t *testing.T) {
	cases := map[string][]string{
		"highlights.scm": {
			"0:0 @comment.block /* Orders survive\n   a slow payment service. */",
			"2:0 @keyword fault_tolerance",
			"2:16 @type OrderService",
			"2:29 @punctuation.bracket {",
			"3:2 @variable.other.member retry",
			"3:7 @punctuation.delimiter :",
			"3:25 @constant.numeric.integer 3",
			"3:26 @punctuation.delimiter ,",
			"3:40 @constant.numeric.float 2.5",
			"4:2 @comment.line # line comment",
			`5:24 @string "use\"cache\""`,
			`5:28 @constant.character.escape \"`,
			"5:49 @constant.builtin.boolean false",
			"6:12 @punctuation.bracket [",
			"7:0 @punctuation.bracket }",
		},
		"indents.scm": {
			"2:29 @indent {\n  retry: { max_attempts: 3, multiplier: 2.5 }\n  # line comment\n  fallback: { strategy: \"use\\\"cache\\\"\", enabled: false }\n  services: [\"a\", \"b\"]\n}",
			"6:12 @indent [\"a\", \"b\"]",
			"6:21 @outdent ]",
			"7:0 @outdent }",
		},
		"textobjects.scm": {
			"2:29 @class.inside {\n  retry: { max_attempts: 3, multiplier: 2.5 }\n  # line comment\n  fallback: { strategy: \"use\\\"cache\\\"\", enabled: false }\n  services: [\"a\", \"b\"]\n}",
			"3:2 @entry.around retry: { max_attempts: 3, multiplier: 2.5 }",
			"3:9 @entry.inside { max_attempts: 3, multiplier: 2.5 }",
			`6:13 @entry.around "a"`,
			"4:2 @comment.inside # line comment",
			"4:2 @comment.around # line comment",
		},
		"rainbows.scm": {
			`6:12 @rainbow.scope ["a", "b"]`,
			"6:12 @rainbow.bracket [",
			"6:21 @rainbow.bracket ]",
		},
	}
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			src, caps := run(t, file)
			got := map[string]bool{}
			for _, c := range caps {
				got[c.String(src)] = true
			}
			for _, w := range want {
				if !got[w] {
					t.Errorf("no capture %q", w)
				}
			}
			if t.Failed() {
				t.Logf("captures:\n%s", strings.Join(sortedKeys(got), "\n"))
			}
		})
	}
}

// TestHighlightsDoNotOverlap checks what highlights.scm's comment promises:
// no node gets two highlight captures. Helix changed which of two matching
// patterns wins (first before tree-house, last after), and a query without
// overlaps means the same colours in every version.
func TestHighlightsDoNotOverlap(t *testing.T) {
	type nodeKey struct {
		start, end uint32
		typ        string
	}
	src, caps := run(t, "highlights.scm")
	byNode := map[nodeKey][]string{}
	for _, c := range caps {
		k := nodeKey{c.node.StartByte(), c.node.EndByte(), c.node.Type()}
		byNode[k] = append(byNode[k], c.name)
	}
	for k, names := range byNode {
		if len(names) > 1 {
			t.Errorf("%s %q has captures %v", k.typ, src[k.start:k.end], names)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
