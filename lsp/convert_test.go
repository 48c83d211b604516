package lsp

import (
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

func TestStripSnippet(t *testing.T) {
	tests := map[string]string{
		`retry: ${1:{ max_attempts: 3 \}}`:             `retry: { max_attempts: 3 }`,
		"circuit_breaker: {\n\t$0\n}":                  "circuit_breaker: {\n\t\n}",
		`fault_tolerance ${1:Name} {${2:x}\$HOME}`:     `fault_tolerance Name {x$HOME}`,
		`lock_key: ${3:"order:{order_id\}"} \\ done$1`: `lock_key: "order:{order_id}" \ done`,
	}
	for in, want := range tests {
		if got := stripSnippet(in); got != want {
			t.Errorf("stripSnippet(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestClientCapabilitiesShapeAnswers checks the answers for a client that
// supports neither snippets nor markdown nor hierarchical symbols.
func TestClientCapabilitiesShapeAnswers(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(map[string]any{"textDocument": map[string]any{
		"hover":          map[string]any{"contentFormat": []string{"plaintext"}},
		"documentSymbol": map[string]any{"hierarchicalDocumentSymbolSupport": false},
	}})
	const uri = "file:///elsewhere/a.dpl"
	c.open(uri, "fault_tolerance A {\n  timeout: \"2s\"\n  \n}\n")
	c.awaitDiagnostics(uri, ptr[int32](1))

	var list protocol.CompletionList
	c.mustCall("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(2, 2)}, &list)
	for _, it := range list.Items {
		if it.InsertTextFormat != protocol.InsertTextFormatPlainText || it.Label == "retry" && it.TextEdit.NewText != "retry: { max_attempts: 3 }" {
			t.Errorf("item %s: format %v, text %q", it.Label, it.InsertTextFormat, it.TextEdit.NewText)
		}
	}
	var h protocol.Hover
	c.mustCall("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(1, 3)}, &h)
	if h.Contents.Kind != protocol.PlainText {
		t.Errorf("hover kind %s, want plaintext", h.Contents.Kind)
	}
	var syms []protocol.SymbolInformation
	c.mustCall("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}}, &syms)
	var got []string
	for _, s := range syms {
		got = append(got, s.ContainerName+"/"+s.Name)
	}
	if want := "[/fault_tolerance fault_tolerance/A A/timeout]"; fmtSlice(got) != want {
		t.Errorf("flat symbols %s, want %s", fmtSlice(got), want)
	}
}

func TestDidSaveResynchronizes(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	const uri = "file:///elsewhere/a.dpl"
	c.open(uri, "fault_tolerance A {\n  timeout: \"2s\"\n}\n")
	c.awaitDiagnostics(uri, ptr[int32](1))
	// The saved text differs from the buffer (a client bug): it wins.
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}, "text": "fault_tolerance A {\n  timeout: 2\n}\n"})
	c.await("diagnostics of the saved text", func() bool {
		return renderDiags(c.diags[uri]) == "version 1\n1:11-1:12 GEN001 error: 2 is not a duration: add a unit such as \"2s\"\n"
	})
}

func fmtSlice(s []string) string { return "[" + strings.Join(s, " ") + "]" }
