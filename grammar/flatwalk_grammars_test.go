package grammar_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/css"
	"github.com/smacker/go-tree-sitter/golang"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/toml"
	"github.com/smacker/go-tree-sitter/yaml"
)

// cssSample uses most of CSS's syntax; the CSS grammar aliases many of its
// tokens (tag_name, property_name, class_name, …).
const cssSample = `@import url("a.css") screen;
@media (min-width: 10px) and (max-width: 20em) {
  body > p.note:hover::after, #id[data-x="1"] ~ a + b { color: #fff !important; margin: 0 auto; }
}
@keyframes spin { from { transform: rotate(0deg); } to { transform: rotate(calc(360deg * 2)); } }
.a { width: calc(100% - 2px); font: 12px/1.5 "Helvetica", sans-serif; }
/* comment */ :root { --main: 3; }
@supports (display: grid) { .g { grid-template-columns: repeat(2, 1fr); } }
`

// jsSample leans on JavaScript's aliases that turn hidden nodes visible
// (reserved words used as identifiers) and named ones anonymous (the
// automatic semicolon), besides renaming ones (property_identifier, …).
const jsSample = `let get = 1
const set = async () => { get; return set }
class A extends B { static get x() { return this.#p?.of } #p = 1; async *gen() { yield* [] } }
label: for (const of of of) { if (of) continue label; else break }
x = y ?? z ?. w
export default function () { new.target; import.meta }
var o = { get, set, async: 1, static: 2, [k]: v, ...r }
`

// tomlSample has inline tables, whose pairs are a hidden rule aliased to
// the visible pair.
const tomlSample = `[server]
t = { a = 1, b = "x", c = { d = 2, e = [1, 2] } }
[[items]]
name = 'n' # comment
`

// TestFlattenDirectMatchesCursorOtherGrammars holds the direct walk to the
// cursor oracle on trees of grammars that use what DPL's grammar does not:
// aliases (which make hidden nodes visible, rename visible ones and
// change their named-ness),
// fields on hidden children that their visible children inherit, and
// inherited field-map entries. Go's and YAML's grammars have the fields;
// JavaScript aliases that rename and change named-ness, TOML one that
// makes a hidden rule visible; CSS and YAML add external scanners. The
// inputs are this package's Go files, the repository's JavaScript and YAML
// goldens and samples of JavaScript, TOML and CSS, each as is and with
// random mutations. Flatten starts from every node of the samples, some
// of which carry an alias themselves, and from the first level of the
// files.
func TestFlattenDirectMatchesCursorOtherGrammars(t *testing.T) {
	goFiles, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 2026))
	check := func(lang *sitter.Language, name string, src []byte, everyNode bool) {
		for i := range 11 {
			text, label := src, name
			if i > 0 {
				text, label = mutate(r, src), fmt.Sprintf("%s mutation %d", name, i)
			}
			p := sitter.NewParser()
			p.SetLanguage(lang)
			tree, err := p.ParseCtx(context.Background(), nil, text)
			p.Close()
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			root := tree.RootNode()
			if err := flatDirectDiff(root); err != nil {
				t.Fatalf("%s: %v\n%q", label, err, text)
			}
			starts := []*sitter.Node{}
			for c := range int(root.ChildCount()) {
				starts = append(starts, root.Child(c))
			}
			if everyNode {
				starts, _, _ = cursorWalk(root)
			}
			for k, n := range starts {
				if err := flatDirectDiff(n); err != nil {
					t.Fatalf("%s, from %s (start %d): %v\n%q", label, n.Type(), k, err, text)
				}
			}
			tree.Close()
		}
	}
	for _, path := range goFiles {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		check(golang.GetLanguage(), path, src, false)
	}
	testdata := filepath.Join("..", "testdata")
	for _, f := range []struct {
		lang *sitter.Language
		exts []string
	}{{javascript.GetLanguage(), []string{".js"}}, {yaml.GetLanguage(), []string{".yaml", ".yml"}}} {
		files := filesUnder(t, testdata, f.exts...)
		if len(files) == 0 {
			t.Fatalf("no %v files in %s", f.exts, testdata)
		}
		for _, path := range slices.Sorted(maps.Keys(files)) {
			check(f.lang, path, files[path], false)
		}
	}
	check(javascript.GetLanguage(), "jsSample", []byte(jsSample), true)
	check(toml.GetLanguage(), "tomlSample", []byte(tomlSample), true)
	check(css.GetLanguage(), "cssSample", []byte(cssSample), true)
}
