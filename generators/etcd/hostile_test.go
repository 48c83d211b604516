package etcd

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// TestHostileStringsStayLiterals generates from strings that would end a
// Go string literal or a comment and checks, with Go's own parser, that
// the program has exactly its usual declarations and that every hostile
// string is one string literal holding exactly that string.
func TestHostileStringsStayLiterals(t *testing.T) {
	src := generate(t, "service_discovery Evil {\n"+
		"  registry: \"etcd\"\n"+
		"  service_name: \"evil\\\"; func init() { panic(1) }; var _ = \\\"\"\n"+
		"  service_tags: [\"`raw` */ /* \", \"a\\nfunc x() {}\"]\n"+
		"  health_check: { interval: \"2s\", http: \"/h\\n}\\nfunc y() {}\" }\n"+
		"  metadata: { k: \"\\u2028// line\\t\\npanic(2)\" }\n"+
		"}")
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "register.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	var funcs []string
	for _, d := range file.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok {
			funcs = append(funcs, fn.Name.Name)
		}
	}
	if len(funcs) != 2 || funcs[0] != "main" || funcs[1] != "run" {
		t.Errorf("functions %v, want [main run]", funcs)
	}
	lits := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
			if s, err := strconv.Unquote(bl.Value); err == nil {
				lits[s] = true
			}
		}
		return true
	})
	for _, want := range []string{
		`evil"; func init() { panic(1) }; var _ = "`,
		"`raw` */ /* ", "a\nfunc x() {}", "\u2028// line\t\npanic(2)",
	} {
		if !lits[want] {
			t.Errorf("%q is not one string literal of the program", want)
		}
	}
}
