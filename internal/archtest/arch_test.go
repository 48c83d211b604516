package archtest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const module = "github.com/dpls-dev/dpls"

type pkg struct {
	ImportPath string
	Imports    []string
}

// packages lists the module's packages with their non-test imports.
func packages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", module+"/...")
	cmd.Dir = root(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func root(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func rel(path string) string {
	return strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
}

// documented reads the package headings of ARCHITECTURE.md: "### `path`".
// A heading ending in "/*" covers every package below it.
func documented(t *testing.T) (exact map[string]bool, trees []string) {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(root(t), "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	exact = map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^### `([^`]+)`").FindAllStringSubmatch(string(doc), -1) {
		if strings.HasSuffix(m[1], "/*") {
			trees = append(trees, strings.TrimSuffix(m[1], "*"))
		} else {
			exact[m[1]] = true
		}
	}
	return exact, trees
}

func TestEveryPackageIsDocumented(t *testing.T) {
	exact, trees := documented(t)
	for _, p := range packages(t) {
		r := rel(p.ImportPath)
		if exact[r] {
			continue
		}
		covered := false
		for _, tr := range trees {
			covered = covered || strings.HasPrefix(r, tr)
		}
		if !covered {
			t.Errorf("package %s is not described in ARCHITECTURE.md (add a \"### `%s`\" section)", r, r)
		}
	}
}

// rules are the import invariants ARCHITECTURE.md states.
var rules = []struct {
	name string
	// applies selects the importing packages (by module-relative path).
	applies func(string) bool
	// forbidden reports whether an import breaks the rule.
	forbidden func(imp string) bool
}{
	{
		"grammar imports no other dpls package",
		func(p string) bool { return p == "grammar" },
		func(imp string) bool { return strings.HasPrefix(imp, module+"/") },
	},
	{
		"analysis imports nothing from lsp or go.lsp.dev",
		func(p string) bool { return p == "analysis" || strings.HasPrefix(p, "analysis/") },
		func(imp string) bool {
			return strings.HasPrefix(imp, "go.lsp.dev/") || strings.HasPrefix(imp, module+"/lsp")
		},
	},
	{
		"of dpls's packages, generators import only analysis (and generators)",
		func(p string) bool { return strings.HasPrefix(p, "generators") },
		func(imp string) bool {
			r := strings.TrimPrefix(imp, module+"/")
			return strings.HasPrefix(imp, module+"/") && !strings.HasPrefix(r, "analysis") && !strings.HasPrefix(r, "generators")
		},
	},
	{
		"feature packages import nothing from lsp or go.lsp.dev",
		func(p string) bool {
			for _, f := range []string{"completion", "hover", "codeactions", "navigation", "semantic", "inlay", "format", "report"} {
				if p == f || strings.HasPrefix(p, f+"/") {
					return true
				}
			}
			return false
		},
		func(imp string) bool {
			return strings.HasPrefix(imp, "go.lsp.dev/") || strings.HasPrefix(imp, module+"/lsp")
		},
	},
	{
		"only lsp and cmd touch the filesystem, processes or the network",
		func(p string) bool {
			return !strings.HasPrefix(p, "lsp") && !strings.HasPrefix(p, "cmd/") && !strings.HasSuffix(p, "/internal/writehash") && !strings.HasPrefix(p, "internal/")
		},
		func(imp string) bool {
			switch imp {
			case "os", "os/exec", "net", "net/http", "io/ioutil", "syscall":
				return true
			}
			return false
		},
	},
}

func TestImportInvariants(t *testing.T) {
	for _, p := range packages(t) {
		r := rel(p.ImportPath)
		for _, rule := range rules {
			if !rule.applies(r) {
				continue
			}
			for _, imp := range p.Imports {
				if rule.forbidden(imp) {
					t.Errorf("%s imports %s: breaks %q", r, imp, rule.name)
				}
			}
		}
	}
}
