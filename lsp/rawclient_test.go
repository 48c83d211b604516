package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rawClient speaks to a server frame by frame, for what a well-behaved
// JSON-RPC library cannot send: malformed messages, chosen request ids
// (to cancel them), exit at a chosen moment. A goroutine reads whatever the
// server writes, so the server never blocks on the unbuffered pipe.
type rawClient struct {
	t    *testing.T
	conn net.Conn
	in   chan rawMessage
	errs chan error
	done chan int
}

func startRaw(t *testing.T, opts Options) *rawClient {
	t.Helper()
	srvEnd, cliEnd := net.Pipe()
	rc := &rawClient{t: t, conn: cliEnd, in: make(chan rawMessage, 1024), errs: make(chan error, 1), done: make(chan int, 1)}
	go func() { rc.done <- Run(context.Background(), srvEnd, opts) }()
	go rc.readLoop(bufio.NewReader(cliEnd))
	t.Cleanup(func() { _ = cliEnd.Close() })
	return rc
}

// readLoop decodes frames until the pipe closes.
func (rc *rawClient) readLoop(r *bufio.Reader) {
	for {
		m, err := readFrame(r)
		if err != nil {
			rc.errs <- err
			return
		}
		rc.in <- m
	}
}

func readFrame(r *bufio.Reader) (rawMessage, error) {
	var m rawMessage
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return m, fmt.Errorf("read header: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			length, _ = strconv.Atoi(v)
		}
	}
	if length < 0 {
		return m, fmt.Errorf("frame without Content-Length")
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return m, fmt.Errorf("read body: %w", err)
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return m, fmt.Errorf("decode %s: %w", body, err)
	}
	return m, nil
}

// send writes one frame holding body.
func (rc *rawClient) send(body string) {
	rc.t.Helper()
	_ = rc.conn.SetWriteDeadline(time.Now().Add(30 * time.Second))
	if _, err := fmt.Fprintf(rc.conn, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		rc.t.Fatalf("write: %v", err)
	}
}

// sendJSON writes a message built from v.
func (rc *rawClient) sendJSON(v any) {
	rc.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		rc.t.Fatal(err)
	}
	rc.send(string(b))
}

// rawMessage is any incoming message.
type rawMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// read returns the next message.
func (rc *rawClient) read() rawMessage {
	rc.t.Helper()
	select {
	case m := <-rc.in:
		return m
	case err := <-rc.errs:
		rc.t.Fatal(err)
	case <-time.After(30 * time.Second):
		rc.t.Fatal("no message from the server")
	}
	return rawMessage{}
}

// response reads until the response with id, answering the server's own
// requests with null and skipping notifications.
func (rc *rawClient) response(id string) rawMessage {
	rc.t.Helper()
	for {
		m := rc.read()
		switch {
		case m.Method != "" && m.ID != nil:
			rc.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":null}`, m.ID))
		case m.Method == "" && string(m.ID) == id:
			return m
		}
	}
}

// initialize runs the handshake with no capabilities and no folder.
func (rc *rawClient) initialize() {
	rc.t.Helper()
	rc.send(`{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"capabilities":{}}}`)
	if m := rc.response(`"init"`); m.Error != nil {
		rc.t.Fatalf("initialize: %+v", m.Error)
	}
	rc.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
}

// exitCode waits for the server to return.
func (rc *rawClient) exitCode() int {
	rc.t.Helper()
	select {
	case code := <-rc.done:
		return code
	case <-time.After(30 * time.Second):
		rc.t.Fatal("server did not return")
		return -1
	}
}
