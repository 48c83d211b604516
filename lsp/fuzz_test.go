package lsp

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzServerMessage sends one arbitrary message to an initialized server
// holding an open document, then a probe request: the server must answer
// the probe, so a message may neither crash it nor hang its read loop.
// The message is a method, params (any bytes, so often not JSON) and
// whether it is a request; the seeds are real calls of every method.
func FuzzServerMessage(f *testing.F) {
	const doc = `{"textDocument":{"uri":"file:///f/a.dpl"}`
	posParams := doc + `,"position":{"line":1,"character":4}}`
	for m := range methods {
		f.Add(m, []byte(posParams), true)
	}
	f.Add("textDocument/didChange", []byte(`{"textDocument":{"uri":"file:///f/a.dpl","version":2},"contentChanges":[{"range":{"start":{"line":9,"character":0},"end":{"line":0,"character":3}},"text":"é😀\n{"}]}`), false)
	f.Add("textDocument/didOpen", []byte(`{"textDocument":{"uri":"file:///f/b.dpl","version":1,"text":"consistency X { nodes: 4"}}`), false)
	f.Add("textDocument/rangeFormatting", []byte(doc+`,"range":{"start":{"line":4294967295,"character":0},"end":{"line":0,"character":0}},"options":{"tabSize":0}}`), true)
	f.Add("textDocument/semanticTokens/range", []byte(doc+`,"range":{"start":{"line":1,"character":99},"end":{"line":1,"character":1}}}`), true)
	f.Add("textDocument/rename", []byte(posParams[:len(posParams)-1]+`,"newName":"\u0000"}`), true)
	f.Add("completionItem/resolve", []byte(`{"label":"retry","data":{"uri":"file:///f/a.dpl","offset":-7}}`), true)
	f.Add("$/cancelRequest", []byte(`{"id":{"nested":true}}`), false)
	f.Fuzz(func(t *testing.T, method string, params []byte, call bool) {
		switch {
		case method == "exit" || method == "shutdown" || method == "initialize" || strings.HasPrefix(method, "dpls/test"):
			t.Skip("ends or restarts the session, or is a test hook")
		case strings.ContainsAny(method, "\"\\\x00") || len(method) > 100:
			t.Skip("not a method name the frame can carry verbatim")
		}
		rc := startRaw(t, Options{})
		rc.initialize()
		rc.send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///f/a.dpl","languageId":"dpl","version":1,"text":"fault_tolerance A {\n  timeout: \"2s\"\n  retry: 3\n}\n"}}}`)
		id := ""
		if call {
			id = `"id":"fuzz",`
		}
		rc.send(fmt.Sprintf(`{"jsonrpc":"2.0",%s"method":"%s","params":%s}`, id, method, params))
		rc.send(`{"jsonrpc":"2.0","id":"probe","method":"workspace/symbol","params":{"query":""}}`)
		if m := rc.response(`"probe"`); m.Error != nil {
			t.Errorf("probe answered %+v", m.Error)
		}
	})
}
