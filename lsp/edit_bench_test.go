package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// BenchmarkEdit1k and BenchmarkEdit50k measure one keystroke end to end
// through the server's normal message path: a didChange frame written to
// the connection → incremental reparse, analysis, conversion, encoding →
// the publishDiagnostics frame of that version read back. No debounce, so
// an op is the server's whole per-edit cost; allocs count every goroutine
// of the process (the benchmark's reader allocates almost nothing), and
// cpu-ns/op is the process's CPU time per edit, which a busy machine
// disturbs less than ns/op. The ratio of the two sizes is the issue's
// "edit cost at 50k within 3× of 1k".
func BenchmarkEdit1k(b *testing.B)  { benchmarkEdit(b, 1000) }
func BenchmarkEdit50k(b *testing.B) { benchmarkEdit(b, 50000) }

func benchmarkEdit(b *testing.B, lines int) {
	text := testgen.Workspace(lines)
	src := bytes.Split(text, []byte("\n"))
	bc := startBenchClient(b)
	const uri = "file:///bench/workspace.dpl"
	bc.send("initialize", 1, map[string]any{"processId": nil, "capabilities": map[string]any{}})
	bc.awaitResponse(1)
	bc.send("initialized", 0, map[string]any{})
	bc.send("textDocument/didOpen", 0, map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "dpl", "version": 1, "text": string(text),
	}})
	size := bc.awaitVersion(1)

	// Alternately type a space at the end of a key line and delete it, as
	// the replay does; the changes are encoded up front and each frame is
	// assembled in a reused buffer, so the loop measures the server.
	changes := make([][]byte, 0, 512)
	line := 0
	for i := 0; i < cap(changes); i++ {
		var change map[string]any
		if i%2 == 0 {
			line = benchKeyLine(src, i)
			change = map[string]any{"range": benchRange(line, len(src[line]), line, len(src[line])), "text": " "}
		} else {
			change = map[string]any{"range": benchRange(line, len(src[line]), line, len(src[line])+1), "text": ""}
		}
		c, err := json.Marshal(change)
		if err != nil {
			b.Fatal(err)
		}
		changes = append(changes, c)
	}
	var body, buf []byte
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU(b)
	version := 1
	for i := 0; b.Loop(); i++ {
		version++
		body = append(body[:0], `{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"`+uri+`","version":`...)
		body = strconv.AppendInt(body, int64(version), 10)
		body = append(append(append(body, `},"contentChanges":[`...), changes[i%len(changes)]...), "]}}"...)
		buf = strconv.AppendInt(append(buf[:0], "Content-Length: "...), int64(len(body)), 10)
		buf = append(append(buf, "\r\n\r\n"...), body...)
		bc.write(buf)
		bc.awaitVersion(version)
	}
	b.StopTimer()
	b.ReportMetric(float64(processCPU(b)-cpu0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size), "pub-bytes")
	bc.send("shutdown", 2, nil)
	bc.awaitResponse(2)
	bc.send("exit", 0, nil)
}

// processCPU is the CPU time the process has used (all threads, user
// and system, GC included): unlike ns/op it does not grow when other
// processes share the machine.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchKeyLine picks a `key: value` line, deterministically spread over
// the file.
func benchKeyLine(lines [][]byte, seed int) int {
	for i := (seed*7919 + 13) % len(lines); ; i = (i + 1) % len(lines) {
		t := bytes.TrimSpace(lines[i])
		if bytes.Contains(t, []byte(": ")) && !bytes.HasPrefix(t, []byte("#")) && !bytes.HasPrefix(t, []byte("{")) {
			return i
		}
	}
}

func benchRange(l1, c1, l2, c2 int) map[string]any {
	return map[string]any{"start": map[string]int{"line": l1, "character": c1}, "end": map[string]int{"line": l2, "character": c2}}
}

// benchClient writes frames to a server and scans what it writes back,
// without decoding it: the benchmark must measure the server, not a JSON
// decoder on the client's side.
type benchClient struct {
	b      *testing.B
	conn   net.Conn
	frames chan frameInfo
	done   chan int
}

// frameInfo is what the benchmark needs of a frame from the server.
type frameInfo struct {
	id      int // a response's id, or 0
	version int // a publication's version, or 0
	size    int
}

func startBenchClient(b *testing.B) *benchClient {
	srvEnd, cliEnd := net.Pipe()
	bc := &benchClient{b: b, conn: cliEnd, frames: make(chan frameInfo, 64), done: make(chan int, 1)}
	go func() { bc.done <- Run(context.Background(), srvEnd, Options{}) }()
	go bc.read(bufio.NewReaderSize(cliEnd, 1<<20))
	b.Cleanup(func() {
		_ = cliEnd.Close()
		select {
		case <-bc.done:
		case <-time.After(10 * time.Second):
			b.Error("server did not stop")
		}
	})
	return bc
}

// read summarizes every frame the server writes, reusing one buffer.
func (bc *benchClient) read(r *bufio.Reader) {
	defer close(bc.frames)
	var body []byte
	for {
		n := -1
		for {
			line, err := r.ReadSlice('\n')
			if err != nil {
				return
			}
			line = bytes.TrimRight(line, "\r\n")
			if len(line) == 0 {
				break
			}
			if v, ok := bytes.CutPrefix(line, []byte("Content-Length: ")); ok {
				n, _ = strconv.Atoi(string(v))
			}
		}
		if n < 0 {
			return
		}
		if cap(body) < n {
			body = make([]byte, n)
		}
		body = body[:n]
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		head := body[:min(n, 512)]
		fi := frameInfo{size: n}
		if bytes.Contains(head, []byte(`"textDocument/publishDiagnostics"`)) {
			fi.version = intAfter(head, `"version":`)
		} else if !bytes.Contains(head, []byte(`"method"`)) {
			fi.id = intAfter(head, `"id":`)
		}
		bc.frames <- fi
	}
}

// intAfter returns the decimal number after key in b, or 0.
func intAfter(b []byte, key string) int {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range b[i+len(key):] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// await reads frames until one satisfies ok.
func (bc *benchClient) await(ok func(frameInfo) bool) frameInfo {
	for {
		select {
		case f, open := <-bc.frames:
			if !open {
				bc.b.Fatal("server closed the connection")
			}
			if ok(f) {
				return f
			}
		case <-time.After(time.Minute):
			bc.b.Fatal("timed out waiting for the server")
		}
	}
}

// awaitVersion waits for the diagnostics of version and returns the size
// of that publication.
func (bc *benchClient) awaitVersion(version int) int {
	return bc.await(func(f frameInfo) bool { return f.version == version }).size
}

// awaitResponse waits for the response to request id.
func (bc *benchClient) awaitResponse(id int) {
	bc.await(func(f frameInfo) bool { return f.id == id })
}

func (bc *benchClient) send(method string, id int, params any) { bc.write(frame(method, id, params)) }

func (bc *benchClient) write(f []byte) {
	if _, err := bc.conn.Write(f); err != nil {
		bc.b.Fatal(err)
	}
}

// frame encodes one framed message: a request when id > 0, else a
// notification.
func frame(method string, id int, params any) []byte {
	msg := map[string]any{"jsonrpc": "2.0", "method": method}
	if id > 0 {
		msg["id"] = id
	}
	if params != nil {
		msg["params"] = params
	}
	body, err := json.Marshal(msg)
	if err != nil {
		panic(fmt.Sprintf("encode %s: %v", method, err))
	}
	return append([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))), body...)
}

// BenchmarkPublication50k isolates the publisher's part of a keystroke in
// the 50k-line file: the findings of the version after a one-character
// edit, written as publishDiagnostics params. "marshal" converts every
// finding and marshals them (the publisher before it reused bytes);
// "incremental" writes them from the previous version's publication, as
// the publisher does, alternating between the two versions.
//
// "top" is the worst case for reuse: a line break typed at the top of the
// file moves every finding, so each is copied with new numbers.
func BenchmarkPublication50k(b *testing.B) {
	text := testgen.Workspace(50000)
	lines := bytes.Split(text, []byte("\n"))
	line := benchKeyLine(lines, 1)
	b.Run("middle", func(b *testing.B) { benchmarkPublication(b, text, line, len(lines[line]), " ") })
	b.Run("top", func(b *testing.B) { benchmarkPublication(b, text, 0, 0, "\n") })
}

func benchmarkPublication(b *testing.B, text []byte, line, col int, typed string) {
	const name = "/bench/workspace.dpl"
	ws := analysis.New(analysis.Config{}).SetFile(name, text)
	v1 := newDocument(name, fileURI(name), text, utf16)
	v1.open, v1.version = true, 1
	m1 := v1.mapper()
	at := m1.Offset(pos(uint32(line), uint32(col)))
	m2, e := m1.apply(at, at, []byte(typed), nil)
	v2 := newDocument(name, v1.uri, m2.src, utf16).withMapper(m2).editedFrom(v1, grammar.Replacement{Start: at, OldEnd: at, NewEnd: at + len(typed)})
	v2.open, v2.version = true, 2
	snaps := [2]*snapshot{
		{ws: ws, docs: map[string]*document{name: v1}},
		{ws: ws.EditFile(name, m2.src, []grammar.Edit{e}), docs: map[string]*document{name: v2}},
	}
	docs := [2]*document{v1, v2}
	diags := [2][]rule.Diagnostic{snaps[0].ws.Diagnostics(name), snaps[1].ws.Diagnostics(name)}
	b.Run("marshal", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			snap, doc := snaps[i%2], docs[i%2]
			params := protocol.PublishDiagnosticsParams{URI: doc.uri, Version: &doc.version, Diagnostics: convertAll(snap, doc, diags[i%2])}
			if _, err := encode(params); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("incremental", func(b *testing.B) {
		pub := &publisher{}
		last := encodeDiagnostics(snaps[0], docs[0], diags[0], nil, nil)
		b.ReportAllocs()
		for i := 1; b.Loop(); i++ {
			// v1 after v2 is no recorded edit: the texts are compared.
			next := encodeDiagnostics(snaps[i%2], docs[i%2], diags[i%2], last, pub.spare)
			pub.spare = nil
			pub.recycle(last)
			last = next
		}
		b.ReportMetric(float64(last.copied)/float64(len(last.diags)), "copied/finding")
	})
}

// BenchmarkApply50k is the text and line index of one keystroke in the
// 50k-line file.
func BenchmarkApply50k(b *testing.B) {
	m := newMapper(testgen.Workspace(50000), utf16)
	at := len(m.src) / 2
	b.ReportAllocs()
	for b.Loop() {
		m.apply(at, at, []byte(" "), nil)
	}
}
