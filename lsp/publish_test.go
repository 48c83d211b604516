package lsp

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestUnchangedFindingsAreNotRepublished changes a file on disk without
// changing its findings (a comment appended), then changes another file
// so that its findings do change. The first file's publication would be
// the bytes the client already holds, so only the second is sent; z.dpl
// sorts after a.dpl, so a republication of a.dpl would have arrived
// before z.dpl's.
func TestUnchangedFindingsAreNotRepublished(t *testing.T) {
	dir := t.TempDir()
	a, z := filepath.Join(dir, "a.dpl"), filepath.Join(dir, "z.dpl")
	writeFile(t, a, "fault_tolerance A {\n  timeout: 2\n}\n")
	writeFile(t, z, "fault_tolerance Z {\n  timeout: \"2s\"\n}\n")
	c := startServer(t, Options{})
	c.initialize(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}, dir)
	ua, uz := fileURI(a), fileURI(z)
	checkDiags(t, c.awaitDiagnostics(ua, nil), "version none\n1:11-1:12 GEN001 error: 2 is not a duration: add a unit such as \"2s\"\n")

	writeFile(t, a, "fault_tolerance A {\n  timeout: 2\n}\n# reviewed\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": ua, "type": 2}}})
	writeFile(t, z, "fault_tolerance Z {\n  timeout: 3\n}\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": uz, "type": 2}}})
	c.await("z.dpl's new findings", func() bool {
		return renderDiags(c.diags[uz]) == "version none\n1:11-1:12 GEN001 error: 3 is not a duration: add a unit such as \"3s\"\n"
	})
	count := 0
	for _, raw := range c.notifications("textDocument/publishDiagnostics") {
		var p struct {
			URI string `json:"uri"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		if p.URI == string(ua) {
			count++
		}
	}
	if count != 1 {
		t.Errorf("a.dpl published %d times, want once: its findings never changed", count)
	}
}
