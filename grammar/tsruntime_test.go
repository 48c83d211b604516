package grammar

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVendoredRuntimeHeaders checks that internal/tsruntime holds exactly
// the headers of the go-tree-sitter module this package links: flatwalk.c
// reads the runtime's private structs through them, which is only sound
// while the compiler sees the same definitions the runtime was built with.
// When go-tree-sitter is upgraded, copy the module's headers over the
// vendored ones, rerun `go run ./grammar/internal/writehash grammar`, and
// run the flatten oracle tests.
func TestVendoredRuntimeHeaders(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/smacker/go-tree-sitter").Output()
	if err != nil {
		t.Fatalf("locating go-tree-sitter: %v", err)
	}
	module := strings.TrimSpace(string(out))
	headers, err := filepath.Glob(filepath.Join("internal", "tsruntime", "*.h"))
	if err != nil {
		t.Fatal(err)
	}
	if len(headers) == 0 {
		t.Fatal("no vendored headers in internal/tsruntime")
	}
	for _, path := range headers {
		vendored, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		upstream, err := os.ReadFile(filepath.Join(module, filepath.Base(path)))
		if err != nil {
			t.Fatalf("%s has no counterpart in %s: %v", path, module, err)
		}
		if !bytes.Equal(vendored, upstream) {
			t.Errorf("%s differs from %s's copy: vendor the module's headers again", path, module)
		}
	}
}

// TestCSourcesListsVendoredHeaders checks that every vendored header is in
// cSources, whose hash makes Go's build cache see changes to them.
func TestCSourcesListsVendoredHeaders(t *testing.T) {
	headers, err := filepath.Glob(filepath.Join("internal", "tsruntime", "*.h"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, name := range cSources {
		listed[name] = true
	}
	for _, path := range headers {
		if name := filepath.ToSlash(path); !listed[name] {
			t.Errorf("%s is not in cSources (csources.go)", name)
		}
	}
}
