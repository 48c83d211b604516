package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
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
	c := startIndexed(t, dir)
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
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, call := range c.calls {
		if strings.Contains(string(call.params), settingsAboveID) {
			t.Error("a settings watcher outside the workspace for a client without relative patterns")
		}
	}
}

// TestSettingsWatchedAboveFolder: a client with relative-pattern support
// is asked to watch the settings file that governs the first workspace
// folder from above it (the "**" watchers see only the workspace), and
// after the first folder changes, the old watcher goes, the settings are
// read for the new folder, and no watcher is asked for when no file lies
// above it.
func TestSettingsWatchedAboveFolder(t *testing.T) {
	root := t.TempDir()
	services := filepath.Join(root, "services")
	orders := filepath.Join(services, "orders")
	other := filepath.Join(root, "other")
	for _, d := range []string{orders, other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(services, ".dpls.yaml"), "rules:\n  TST902: error\n")
	a := filepath.Join(orders, "a.dpl")
	writeFile(t, a, "fault_tolerance FixMe {\n  timeout: \"2s\"\n}\n")

	c := startServer(t, Options{})
	c.initialize(map[string]any{"workspace": map[string]any{
		"workspaceFolders":      true,
		"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true, "relativePatternSupport": true},
	}}, orders)
	c.await("TST902 as an error", func() bool {
		return renderDiags(c.diags[fileURI(a)]) == "version none\n0:16-0:21 TST902 error: FixMe is a placeholder name\n"
	})
	var watchers []struct{ GlobPattern protocol.RelativePattern }
	c.await("the settings watcher registration", func() bool {
		for _, call := range c.calls {
			if call.method != "client/registerCapability" || !strings.Contains(string(call.params), settingsAboveID) {
				continue
			}
			var p struct {
				Registrations []struct {
					RegisterOptions struct {
						Watchers []struct{ GlobPattern protocol.RelativePattern }
					}
				}
			}
			if err := json.Unmarshal(call.params, &p); err != nil {
				t.Fatal(err)
			}
			watchers = p.Registrations[0].RegisterOptions.Watchers
			return true
		}
		return false
	})
	want := protocol.RelativePattern{BaseURI: fileURI(services), Pattern: ".dpls.yaml"}
	if len(watchers) != 1 || watchers[0].GlobPattern != want {
		t.Fatalf("watchers %+v, want one of %+v", watchers, want)
	}

	// The first folder becomes root/other, which no settings file governs.
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added":   []map[string]any{{"uri": fileURI(other), "name": "other"}},
		"removed": []map[string]any{{"uri": fileURI(orders), "name": "orders"}},
	}})
	c.await("the old watcher unregistered", func() bool { return slices.Contains(c.asked, "client/unregisterCapability") })
	b := filepath.Join(other, "b.dpl")
	writeFile(t, b, "fault_tolerance FixMe {\n  timeout: \"2s\"\n}\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": fileURI(b), "type": 1}}})
	c.await("TST902 back to a warning under root/other", func() bool {
		return renderDiags(c.diags[fileURI(b)]) == "version none\n0:16-0:21 TST902 warning: FixMe is a placeholder name\n"
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	registrations := 0
	for _, call := range c.calls {
		if call.method == "client/registerCapability" && strings.Contains(string(call.params), settingsAboveID) {
			registrations++
		}
	}
	if registrations != 1 {
		t.Errorf("%d settings watcher registrations, want 1 (nothing governs root/other)", registrations)
	}
}
