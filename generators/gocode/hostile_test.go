package gocode

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strconv"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// TestHostileStringsStayLiterals parses the Go generated from
// testdata/generate/code/hostile.dpl: no init function or other code came
// from DPL, the hostile strings come back exactly from their literals, and
// the invalid module path produced no go.mod.
func TestHostileStringsStayLiterals(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Load(t, "testdata/generate/code/hostile.dpl")))
	lits := map[string]string{} // composite-literal key → unquoted value
	fset := token.NewFileSet()
	for _, f := range files {
		if path.Base(f.Path) == "go.mod" {
			t.Errorf("%s generated from an invalid module path", f.Path)
			continue
		}
		file, err := parser.ParseFile(fset, f.Path, f.Content, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "init" {
				t.Errorf("%s declares init", f.Path)
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			key, _ := kv.Key.(*ast.Ident)
			lit, _ := kv.Value.(*ast.BasicLit)
			if key != nil && lit != nil && lit.Kind == token.STRING {
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("%s: %v", f.Path, err)
				}
				lits[key.Name] = v
			}
			return true
		})
	}
	if want := "evil\"}\nfunc init() { panic(2) }\n//"; lits["Name"] != want {
		t.Errorf("Name = %q, want %q", lits["Name"], want)
	}
	var body map[string]string
	if err := json.Unmarshal([]byte(lits["FallbackBody"]), &body); err != nil {
		t.Fatalf("FallbackBody %q: %v", lits["FallbackBody"], err)
	}
	for k, want := range map[string]string{
		"msg": "\"); System.exit(1); //",
		"js":  "`${process.exit(1)}` */ </script>",
		"go":  "\" + os.Args[0] + \"\n}\nfunc init() { panic(1) }",
		"uni": "\n\u2028\\u0022 done",
	} {
		if body[k] != want {
			t.Errorf("fallback %s = %q, want %q", k, body[k], want)
		}
	}
}
