package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestIndexingSkipsNodeModules: indexing walks as `dpls check` does
// (dplfs.Files): node_modules and hidden directories are no part of the
// workspace, and a file there that changes on disk, or is opened and
// closed, does not join it either.
func TestIndexingSkipsNodeModules(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.dpl":                      "fault_tolerance A {\n  timeout: \"2s\"\n}\n",
		"node_modules/pkg/x.dpl":     "fault_tolerance X {\n  timeout: \"2s\"\n}\n",
		"svc/node_modules/p/y.dpl":   "fault_tolerance Y {\n  timeout: \"2s\"\n}\n",
		".cache/z.dpl":               "fault_tolerance Z {\n  timeout: \"2s\"\n}\n",
		"svc/node_modules_old/b.dpl": "fault_tolerance B {\n  timeout: \"2s\"\n}\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, text)
	}
	c := startServer(t, Options{})
	c.initialize(map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
	}, dir)
	awaitProgressEnd(c, 1)
	if got := symbolNames(c); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("indexed %v, want A and B", got)
	}

	// Changed on disk inside node_modules: still not loaded.
	x := filepath.Join(dir, "node_modules", "pkg", "x.dpl")
	writeFile(t, x, "fault_tolerance X2 {\n  timeout: \"2s\"\n}\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": fileURI(x), "type": 2}}})
	if got := symbolNames(c); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("after a change in node_modules: %v, want A and B", got)
	}

	// Opened, it is analyzed like any open file; closed, it leaves again.
	c.open(fileURI(x), "fault_tolerance X3 {\n  timeout: \"2s\"\n}\n")
	if got := symbolNames(c); !slices.Equal(got, []string{"A", "B", "X3"}) {
		t.Errorf("with x.dpl open: %v, want A, B and X3", got)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": fileURI(x)}})
	if got := symbolNames(c); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("after closing x.dpl: %v, want A and B", got)
	}
}

// TestSettingsFileAboveFolder: the server reads the nearest .dpls.yaml at
// or above its first folder (dplfs.LoadConfig), the file `dpls check`
// reads there; an invalid one is reported, by path, and means defaults.
func TestSettingsFileAboveFolder(t *testing.T) {
	root := t.TempDir()
	folder := filepath.Join(root, "services", "orders")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(root, ".dpls.yaml")
	writeFile(t, settings, "rules:\n  TST902: error\n")
	a := filepath.Join(folder, "a.dpl")
	writeFile(t, a, "fault_tolerance FixMe {\n  timeout: \"2s\"\n}\n")

	c := startServer(t, Options{})
	c.initialize(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}, folder)
	uri := fileURI(a)
	awaitDiags := func(want string) {
		t.Helper()
		c.await("diagnostics "+want, func() bool { return renderDiags(c.diags[uri]) == "version none\n"+want })
	}
	awaitDiags("0:16-0:21 TST902 error: FixMe is a placeholder name\n")

	writeFile(t, settings, "rules:\n  TST902: loud\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": fileURI(settings), "type": 2}}})
	awaitDiags("0:16-0:21 TST902 warning: FixMe is a placeholder name\n")
	want := "dpls: settings file ignored, using defaults: " + settings + `: rule TST902: unknown severity \"loud\" (want error, warning, info, hint or off)`
	c.await("the warning about the settings file", func() bool {
		for _, n := range c.notes {
			if n.method == "window/showMessage" && strings.Contains(string(n.params), want) {
				return true
			}
		}
		return false
	})
}
