package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// renderDiags renders a publication one diagnostic a line.
func renderDiags(p protocol.PublishDiagnosticsParams) string {
	var b strings.Builder
	fmt.Fprintf(&b, "version %v\n", deref(p.Version))
	for _, d := range p.Diagnostics {
		r := d.Range
		fmt.Fprintf(&b, "%d:%d-%d:%d %v %s: %s\n", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character, d.Code, severityName(d.Severity), d.Message)
	}
	return b.String()
}

func checkDiags(t *testing.T, p protocol.PublishDiagnosticsParams, want string) {
	t.Helper()
	if got := renderDiags(p); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func change(uri protocol.DocumentURI, version int32, changes ...map[string]any) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": changes}
}

func edit(r protocol.Range, text string) map[string]any {
	return map[string]any{"range": r, "text": text}
}

func rng(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: pos(l1, c1), End: pos(l2, c2)}
}

const emojiDoc = "service_discovery Pay {\n  registry: \"consul\"\n  health_check: { http: \"/😀\", interval: \"30s\" }\n}\n"

func TestIncrementalSyncAndVersionedDiagnostics(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	const uri = "file:///elsewhere/a.dpl" // outside any folder
	c.open(uri, emojiDoc)
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](1)), "version 1\n")

	// `"30s"` → `30s`: the value starts after the emoji, which counts as
	// two UTF-16 units (column 41, not 39 characters or 43 bytes).
	c.notify("textDocument/didChange", change(uri, 2, edit(rng(2, 41, 2, 46), "30s")))
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](2)), "version 2\n"+
		"2:41-2:43 GEN001 error: 30 is not a duration: add a unit such as \"30s\"\n"+
		"2:43-2:44 SYN001 error: unexpected identifier in block Pay\n")

	// Two changes in one notification, each relative to the text the
	// previous one left: a line inserted above, then the fix on the
	// shifted line.
	c.notify("textDocument/didChange", change(uri, 3,
		edit(rng(1, 0, 1, 0), "  # 日本\n"),
		edit(rng(3, 41, 3, 44), `"30s"`)))
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](3)), "version 3\n")

	// A full replacement (no range).
	c.notify("textDocument/didChange", change(uri, 4, map[string]any{"text": "fault_tolerance A {\n  timeout: 5\n}\n"}))
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](4)), "version 4\n"+
		"1:11-1:12 GEN001 error: 5 is not a duration: add a unit such as \"5s\"\n")

	// Closing a file outside the folders clears its diagnostics.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	checkDiags(t, c.awaitDiagnostics(uri, nil), "version none\n")
}

func TestPositionEncodingUTF8(t *testing.T) {
	c := startServer(t, Options{})
	res := c.initialize(map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}})
	if enc := res["capabilities"].(map[string]any)["positionEncoding"]; enc != "utf-8" {
		t.Fatalf("positionEncoding %v, want utf-8", enc)
	}
	const uri = "file:///elsewhere/a.dpl"
	c.open(uri, emojiDoc)
	c.awaitDiagnostics(uri, ptr[int32](1))
	// Columns are bytes now: the value starts at byte 43.
	c.notify("textDocument/didChange", change(uri, 2, edit(rng(2, 43, 2, 48), "30s")))
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](2)), "version 2\n"+
		"2:43-2:45 GEN001 error: 30 is not a duration: add a unit such as \"30s\"\n"+
		"2:45-2:46 SYN001 error: unexpected identifier in block Pay\n")
	var h protocol.Hover
	c.mustCall("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(2, 36)}, &h)
	if *h.Range != rng(2, 33, 2, 41) {
		t.Errorf("hover range %v, want the key interval at bytes 33-41", *h.Range)
	}
}

func TestChangeForNeverOpenedDocument(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	const uri = "file:///elsewhere/never.dpl"
	// An incremental change cannot be applied to unknown text: ignored.
	c.notify("textDocument/didChange", change(uri, 3, edit(rng(0, 0, 0, 0), "fault_tolerance X {}\n")))
	var syms []protocol.SymbolInformation
	c.mustCall("workspace/symbol", map[string]any{"query": ""}, &syms)
	if len(syms) != 0 {
		t.Errorf("an ignored change added symbols: %v", syms)
	}
	// A full text can be trusted: the document opens with it.
	c.notify("textDocument/didChange", change(uri, 4, map[string]any{"text": "fault_tolerance Y {\n  timeout: 5\n}\n"}))
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](4)), "version 4\n"+
		"1:11-1:12 GEN001 error: 5 is not a duration: add a unit such as \"5s\"\n")
}

func TestRangesPastTheEndAreClamped(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	const uri = "file:///elsewhere/a.dpl"
	c.open(uri, "fault_tolerance A {\n  timeout: \"2s\"\n}\n")
	c.awaitDiagnostics(uri, ptr[int32](1))
	// A change whose range lies past the last line appends at the end.
	c.notify("textDocument/didChange", change(uri, 2, edit(rng(40, 3, 99, 9), "fault_tolerance B {\n  timeout: 5\n}\n")))
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](2)), "version 2\n"+
		"4:11-4:12 GEN001 error: 5 is not a duration: add a unit such as \"5s\"\n")
	// A position past the end answers nothing, not an error.
	var h *protocol.Hover
	c.mustCall("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(1000, 1000)}, &h)
	if h != nil {
		t.Errorf("hover past the end: %+v", h)
	}
	var list protocol.CompletionList
	c.mustCall("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(1000, 5)}, &list)
	// Requests about a file the server does not know answer null.
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.dpl"}}, &syms)
	if syms != nil {
		t.Errorf("symbols of an unknown file: %v", syms)
	}
}

// TestTenMegabyteFile opens a 10 MB document and edits its end: the text
// crosses the pipe in one message, is parsed, mapped and analysed, and
// requests on it are answered. The bulk is comments, so that the test
// measures the server's handling of size rather than the analysis of
// 200,000 blocks (the replay benchmark measures that on realistic text).
func TestTenMegabyteFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("fault_tolerance First {\n  timeout: \"2s\"\n}\n")
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, "# %d: a comment line of a big file, with non-ASCII text: délai, 時間, 😀\n", i)
	}
	b.WriteString("fault_tolerance Last {\n  timeout: 5\n}\n")
	text := b.String()
	lines := uint32(strings.Count(text, "\n"))
	c := startServer(t, Options{})
	c.initialize(nil)
	const uri = "file:///elsewhere/huge.dpl"
	c.open(uri, text)
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](1)), "version 1\n"+
		fmt.Sprintf("%d:11-%d:12 GEN001 error: 5 is not a duration: add a unit such as \"5s\"\n", lines-2, lines-2))
	c.notify("textDocument/didChange", change(uri, 2, edit(rng(lines-2, 11, lines-2, 12), `"5s"`)))
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](2)), "version 2\n")
	var h protocol.Hover
	c.mustCall("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(lines-2, 4)}, &h)
	if !strings.Contains(h.Contents.Value, "timeout") {
		t.Errorf("hover on the last block: %q", h.Contents.Value)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// symbolNames lists the workspace's blocks.
func symbolNames(c *client) []string {
	var syms []protocol.SymbolInformation
	c.mustCall("workspace/symbol", map[string]any{"query": ""}, &syms)
	var out []string
	for _, s := range syms {
		out = append(out, s.Name)
	}
	return out
}

func TestWorkspaceIndexingAndWatchedFiles(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "a.dpl"), "fault_tolerance A {\n  timeout: \"2s\"\n}\n")
	if err := os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "sub", "deeper", "b.dpl"), "fault_tolerance B {\n  timeout: \"2s\"\n}\n")
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, ".git", "hidden.dpl"), "fault_tolerance Hidden {}\n")
	writeFile(t, filepath.Join(other, "c.dpl"), "fault_tolerance C {\n  timeout: \"2s\"\n}\n")

	c := startIndexed(t, dir)
	if got := symbolNames(c); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("indexed %v, want A and B (not the hidden directory)", got)
	}
	c.await("the watcher registration", func() bool { return slices.Contains(c.asked, "client/registerCapability") })

	// Created, changed and deleted on disk.
	writeFile(t, filepath.Join(dir, "n.dpl"), "fault_tolerance N {\n  timeout: \"2s\"\n}\n")
	if err := os.Remove(filepath.Join(dir, "a.dpl")); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{
		{"uri": fileURI(filepath.Join(dir, "n.dpl")), "type": 1},
		{"uri": fileURI(filepath.Join(dir, "a.dpl")), "type": 3},
	}})
	if got := symbolNames(c); !slices.Equal(got, []string{"B", "N"}) {
		t.Errorf("after the watched changes: %v, want B and N", got)
	}

	// A folder added later is indexed, a removed one leaves.
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added":   []map[string]any{{"uri": fileURI(other), "name": "other"}},
		"removed": []map[string]any{{"uri": fileURI(dir), "name": "dir"}},
	}})
	awaitProgressEnd(c, 2)
	if got := symbolNames(c); !slices.Equal(got, []string{"C"}) {
		t.Errorf("after the folder change: %v, want C", got)
	}
}

// startIndexed starts a server on folder dir for a client with progress
// and watched files, and waits until the folder is indexed.
func startIndexed(t *testing.T, dir string) *client {
	t.Helper()
	c := startServer(t, Options{})
	c.initialize(map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
	}, dir)
	awaitProgressEnd(c, 1)
	return c
}

// awaitProgressEnd waits for the n-th end of a progress.
func awaitProgressEnd(c *client, n int) {
	c.t.Helper()
	c.await(fmt.Sprintf("progress end #%d", n), func() bool {
		ends := 0
		for _, note := range c.notes {
			if note.method == "$/progress" && strings.Contains(string(note.params), `"kind":"end"`) {
				ends++
			}
		}
		return ends >= n
	})
}

func TestConfigurationPushedAndPulled(t *testing.T) {
	const uri = "file:///elsewhere/a.dpl"
	const text = "fault_tolerance FixMe {\n  timeout: \"2s\"\n}\n"
	const warning = "0:16-0:21 TST902 warning: FixMe is a placeholder name\n"
	const errorSev = "0:16-0:21 TST902 error: FixMe is a placeholder name\n"
	awaitSeverity := func(c *client, want string) {
		t.Helper()
		c.await("diagnostics "+want, func() bool { return renderDiags(c.diags[uri]) == "version 1\n"+want })
	}

	// A client without workspace/configuration pushes its settings.
	c := startServer(t, Options{})
	c.initialize(nil)
	c.open(uri, text)
	checkDiags(t, c.awaitDiagnostics(uri, ptr[int32](1)), "version 1\n"+warning)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"dpls": map[string]any{"rules": map[string]string{"TST902": "error"}}}})
	awaitSeverity(c, errorSev)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"dpls": map[string]any{"disabled": []string{"TST902"}}}})
	awaitSeverity(c, "")

	// A client with it is asked again on every change notification.
	p := startServer(t, Options{})
	p.settings = map[string]any{"rules": map[string]string{"TST902": "error"}}
	p.initialize(map[string]any{"workspace": map[string]any{"configuration": true}})
	p.open(uri, text)
	awaitSeverity(p, errorSev)
	p.mu.Lock()
	p.settings = map[string]any{}
	p.mu.Unlock()
	p.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	awaitSeverity(p, warning)

	// Invalid settings are reported to the user and the valid part applies.
	p.mu.Lock()
	p.settings = map[string]any{"rules": map[string]string{"TST902": "loud"}}
	p.mu.Unlock()
	p.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	p.await("a warning about the settings", func() bool {
		for _, n := range p.notes {
			if n.method == "window/showMessage" && strings.Contains(string(n.params), "TST902") {
				return true
			}
		}
		return false
	})
}
