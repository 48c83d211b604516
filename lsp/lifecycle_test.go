package lsp

import (
	"errors"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// rpcCode returns the code of a JSON-RPC error response, or 0.
func rpcCode(err error) jsonrpc2.Code {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

func TestRequestBeforeInitialize(t *testing.T) {
	c := startServer(t, Options{})
	err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///a.dpl"}, "position": pos(0, 0)}, nil)
	if rpcCode(err) != jsonrpc2.ServerNotInitialized || !strings.Contains(err.Error(), "textDocument/hover: server not initialized") {
		t.Errorf("got %v, want ServerNotInitialized", err)
	}
	// A notification before initialize is dropped, and initialize still works.
	c.open("file:///a.dpl", "fault_tolerance A {}")
	c.initialize(nil)
}

func TestSecondInitializeIsRefused(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	if rpcCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("got %v, want InvalidRequest", err)
	}
}

func TestUnknownMethod(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	err := c.call("textDocument/unknownThing", map[string]any{}, nil)
	if rpcCode(err) != jsonrpc2.MethodNotFound || err.Error() != "method not found: textDocument/unknownThing" {
		t.Errorf("got %v, want MethodNotFound", err)
	}
	// An unknown notification is dropped without an answer; the session goes on.
	c.notify("$/unknownNotification", map[string]any{})
	c.mustCall("workspace/symbol", map[string]any{"query": ""}, nil)
}

func TestInvalidParams(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	err := c.call("textDocument/hover", map[string]any{"position": "not a position"}, nil)
	if rpcCode(err) != jsonrpc2.InvalidParams {
		t.Errorf("got %v, want InvalidParams", err)
	}
}

func TestPanicBecomesErrorResponseAndLogLine(t *testing.T) {
	core, logs := observer.New(zap.DebugLevel)
	c := startServer(t, Options{Logger: zap.New(core)})
	c.initialize(nil)
	err := c.call("dpls/testPanic", map[string]any{}, nil)
	if rpcCode(err) != jsonrpc2.InternalError || err.Error() != "dpls/testPanic: internal error: test hook panicked" {
		t.Errorf("got %v, want InternalError", err)
	}
	entries := logs.FilterMessage("handler panicked").All()
	if len(entries) != 1 {
		t.Fatalf("%d log lines for the panic, want 1", len(entries))
	}
	fields := entries[0].ContextMap()
	if fields["method"] != "dpls/testPanic" || !strings.Contains(fields["stack"].(string), "testhooks_test.go") {
		t.Errorf("log fields %v lack the method or the stack", fields)
	}
	// The server lives on.
	c.mustCall("workspace/symbol", map[string]any{"query": ""}, nil)
}

func TestShutdownAndExit(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	c.mustCall("shutdown", nil, nil)
	err := c.call("workspace/symbol", map[string]any{"query": ""}, nil)
	if rpcCode(err) != jsonrpc2.InvalidRequest || err.Error() != "workspace/symbol: server is shut down" {
		t.Errorf("request after shutdown: %v", err)
	}
	c.notify("exit", nil)
	if code := <-c.done; code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
	c.done <- 0 // for the cleanup
}

func TestExitWithoutShutdown(t *testing.T) {
	rc := startRaw(t, Options{})
	rc.initialize()
	rc.send(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := rc.exitCode(); code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
}

func TestStreamCloseEndsCleanly(t *testing.T) {
	rc := startRaw(t, Options{})
	rc.initialize()
	_ = rc.conn.Close()
	if code := rc.exitCode(); code != 0 {
		t.Errorf("stream closed without exit: code %d, want 0", code)
	}
}

func TestMalformedMessages(t *testing.T) {
	rc := startRaw(t, Options{})
	rc.initialize()
	for _, body := range []string{`{"jsonrpc":"2.0","id":1,"method":`, `42`, `{"jsonrpc":"2.0"}`} {
		rc.send(body)
		m := rc.read()
		if m.Error == nil || string(m.ID) != "null" {
			t.Errorf("%s: answered %+v, want an error with a null id", body, m)
		}
	}
	// The session survives.
	rc.send(`{"jsonrpc":"2.0","id":7,"method":"workspace/symbol","params":{"query":""}}`)
	if m := rc.response("7"); m.Error != nil || string(m.Result) != "[]" {
		t.Errorf("after malformed input: %+v", m)
	}
}

func TestCancelRequest(t *testing.T) {
	rc := startRaw(t, Options{})
	rc.initialize()
	rc.send(`{"jsonrpc":"2.0","id":"slow","method":"dpls/testBlock","params":{}}`)
	// The server answers requests in parallel: this one is served while
	// "slow" waits, which proves "slow" is running when it is cancelled.
	rc.send(`{"jsonrpc":"2.0","id":2,"method":"workspace/symbol","params":{"query":""}}`)
	rc.response("2")
	rc.send(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"slow"}}`)
	m := rc.response(`"slow"`)
	if m.Error == nil || m.Error.Code != int(protocol.CodeRequestCancelled) || m.Error.Message != "dpls/testBlock: request cancelled" {
		t.Errorf("cancelled request answered %+v, want RequestCancelled", m)
	}
	// A cancel for a request that is not running is ignored.
	rc.send(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":99}}`)
	rc.send(`{"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{"query":""}}`)
	if m := rc.response("3"); m.Error != nil {
		t.Errorf("after a stray cancel: %+v", m)
	}
}

func TestSetTrace(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	c.notify("$/setTrace", map[string]any{"value": "verbose"})
	c.mustCall("workspace/symbol", map[string]any{"query": "zz"}, nil)
	c.await("a $/logTrace", func() bool {
		for _, n := range c.notes {
			if n.method == "$/logTrace" && strings.Contains(string(n.params), `handled workspace/symbol in`) &&
				strings.Contains(string(n.params), `"verbose":"params: {\"query\":\"zz\"}"`) {
				return true
			}
		}
		return false
	})
	c.notify("$/setTrace", map[string]any{"value": "off"})
	before := len(c.notifications("$/logTrace"))
	c.mustCall("workspace/symbol", map[string]any{"query": ""}, nil)
	if after := len(c.notifications("$/logTrace")); after != before {
		t.Errorf("%d traces after setTrace off", after-before)
	}
}

func TestInitializeAdvertisesWhatIsImplemented(t *testing.T) {
	c := startServer(t, Options{})
	res := c.initialize(nil)
	caps := res["capabilities"].(map[string]any)
	var advertised []string
	for k := range caps {
		advertised = append(advertised, k)
	}
	// Each provider must have its method in the table, and each feature
	// method in the table must be advertised.
	providers := map[string][]string{
		"completionProvider":              {"textDocument/completion", "completionItem/resolve"},
		"hoverProvider":                   {"textDocument/hover"},
		"definitionProvider":              {"textDocument/definition"},
		"referencesProvider":              {"textDocument/references"},
		"documentHighlightProvider":       {"textDocument/documentHighlight"},
		"documentSymbolProvider":          {"textDocument/documentSymbol"},
		"workspaceSymbolProvider":         {"workspace/symbol"},
		"renameProvider":                  {"textDocument/rename", "textDocument/prepareRename"},
		"foldingRangeProvider":            {"textDocument/foldingRange"},
		"selectionRangeProvider":          {"textDocument/selectionRange"},
		"semanticTokensProvider":          {"textDocument/semanticTokens/full", "textDocument/semanticTokens/range"},
		"inlayHintProvider":               {"textDocument/inlayHint"},
		"codeActionProvider":              {"textDocument/codeAction"},
		"codeLensProvider":                {"textDocument/codeLens"},
		"executeCommandProvider":          {"workspace/executeCommand"},
		"documentFormattingProvider":      {"textDocument/formatting"},
		"documentRangeFormattingProvider": {"textDocument/rangeFormatting"},
		"textDocumentSync":                {"textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave"},
		"workspace":                       {"workspace/didChangeWorkspaceFolders"},
		"positionEncoding":                nil,
	}
	covered := map[string]bool{}
	for _, k := range advertised {
		ms, ok := providers[k]
		if !ok {
			t.Errorf("capability %s is advertised but not known to this test", k)
		}
		for _, m := range ms {
			if _, ok := methods[m]; !ok {
				t.Errorf("%s is advertised but %s is not in the method table", k, m)
			}
			covered[m] = true
		}
	}
	notAdvertised := map[string]bool{ // lifecycle, and workspace notifications a client sends unasked
		"initialize": true, "initialized": true, "shutdown": true, "exit": true, "$/setTrace": true, "$/cancelRequest": true,
		"workspace/didChangeWatchedFiles": true, "workspace/didChangeConfiguration": true,
		"dpls/testPanic": true, "dpls/testBlock": true,
	}
	for m := range methods {
		if !covered[m] && !notAdvertised[m] {
			t.Errorf("method %s is served but no capability advertises it", m)
		}
	}
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("positionEncoding %v, want utf-16 by default", caps["positionEncoding"])
	}
}
