package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap/zaptest"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// client is the fake editor the tests drive the server with: a real
// jsonrpc2 connection over an in-process pipe, LSP framing included. It
// records every notification the server sends, answers the server's
// requests (configuration, progress tokens, registrations) and lets a test
// wait for a condition on what it received (gopls's Await).
type client struct {
	t    *testing.T
	conn jsonrpc2.Conn
	raw  net.Conn // the client's end, for tests that write bytes
	done chan int // the server's exit code

	// settings is the answer to workspace/configuration.
	settings any
	// applyEdit answers workspace/applyEdit; nil refuses the method.
	applyEdit func(params json.RawMessage) (any, error)

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every notification
	notes   []note
	diags   map[protocol.DocumentURI]protocol.PublishDiagnosticsParams
	asked   []string // methods of the server's requests, in order
	calls   []note   // the server's requests with their params, in order
}

// note is one notification from the server.
type note struct {
	method string
	params json.RawMessage
}

// startServer connects a client to a new server with opts.
func startServer(t *testing.T, opts Options) *client {
	t.Helper()
	srvEnd, cliEnd := net.Pipe()
	c := &client{
		t: t, raw: cliEnd, done: make(chan int, 1),
		changed: make(chan struct{}),
		diags:   map[protocol.DocumentURI]protocol.PublishDiagnosticsParams{},
	}
	if opts.Logger == nil && os.Getenv("DPLS_TEST_LOG") != "" {
		opts.Logger = zaptest.NewLogger(t)
	}
	go func() { c.done <- Run(context.Background(), srvEnd, opts) }()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(cliEnd))
	c.conn.Go(context.Background(), c.handle)
	t.Cleanup(func() {
		_ = c.conn.Close()
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			t.Error("server did not stop after the client closed the connection")
		}
	})
	return c
}

// handle answers the server's requests and records its notifications.
func (c *client) handle(_ context.Context, req *jsonrpc2.Request) (any, error) {
	// The request borrows the connection's read buffer: keep copies.
	method, params := strings.Clone(req.Method()), json.RawMessage(append([]byte(nil), req.Params()...))
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.signal()
	if req.IsCall() {
		c.asked = append(c.asked, method)
		c.calls = append(c.calls, note{method, params})
		switch method {
		case "workspace/configuration":
			return []any{c.settings}, nil
		case "window/workDoneProgress/create", "client/registerCapability":
			return nil, nil
		case "workspace/applyEdit":
			if c.applyEdit != nil {
				return c.applyEdit(params)
			}
		}
		return nil, jsonrpc2.ErrMethodNotFound
	}
	c.notes = append(c.notes, note{method, params})
	if method == "textDocument/publishDiagnostics" {
		var p protocol.PublishDiagnosticsParams
		if err := json.Unmarshal(params, &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		c.diags[p.URI] = p
	}
	return nil, nil
}

// signal wakes the awaiters; the caller holds c.mu.
func (c *client) signal() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// call sends a request and decodes its result into result (when not nil).
func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	var raw jsonrpc2.RawMessage
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.conn.Call(ctx, method, c.encode(params), &raw); err != nil {
		return err
	}
	if result != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, result); err != nil {
			c.t.Fatalf("%s: decode result %s: %v", method, raw, err)
		}
	}
	return nil
}

// mustCall is call that fails the test on an error response.
func (c *client) mustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, c.encode(params)); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// await waits until cond, called under the client's lock, holds. It fails
// the test after a generous bound: a hang is a bug, not a slow machine.
func (c *client) await(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		c.mu.Lock()
		ok, ch := cond(), c.changed
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			c.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// awaitDiagnostics waits for a publication for uri at version (nil: any
// publication without a version) and returns it.
func (c *client) awaitDiagnostics(uri protocol.DocumentURI, version *int32) protocol.PublishDiagnosticsParams {
	c.t.Helper()
	var got protocol.PublishDiagnosticsParams
	c.await(fmt.Sprintf("diagnostics of %s at version %v", uri, deref(version)), func() bool {
		p, ok := c.diags[uri]
		if !ok || !sameVersion(p.Version, version) {
			return false
		}
		got = p
		return true
	})
	return got
}

func sameVersion(a, b *int32) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func deref(v *int32) any {
	if v == nil {
		return "none"
	}
	return *v
}

// notifications returns the notifications of one method received so far.
func (c *client) notifications(method string) []json.RawMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []json.RawMessage
	for _, n := range c.notes {
		if n.method == method {
			out = append(out, n.params)
		}
	}
	return out
}

// initialize runs the handshake with the given capabilities and folders.
func (c *client) initialize(caps map[string]any, folders ...string) map[string]any {
	c.t.Helper()
	params := map[string]any{"processId": nil, "capabilities": caps}
	var wf []map[string]string
	for _, f := range folders {
		wf = append(wf, map[string]string{"uri": string(fileURI(f)), "name": f})
	}
	if wf != nil {
		params["workspaceFolders"] = wf
	}
	var res map[string]any
	c.mustCall("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// open sends didOpen for a document at version 1.
func (c *client) open(uri protocol.DocumentURI, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "dpl", "version": 1, "text": text},
	})
}

// encode marshals params with encoding/json, as editors' JSON libraries
// do; the connection sends the bytes as they are.
func (c *client) encode(params any) jsonrpc2.RawMessage {
	c.t.Helper()
	if params == nil {
		return nil
	}
	b, err := json.Marshal(params)
	if err != nil {
		c.t.Fatalf("encode %T: %v", params, err)
	}
	return b
}

func ptr[T any](v T) *T { return &v }
