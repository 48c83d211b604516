package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/dpls-dev/dpls/internal/testgen"
)

// result holds the measurements of one size.
type result struct {
	lines, bytes int
	open         time.Duration
	edit         []time.Duration
	completion   []time.Duration
	hover        []time.Duration
	rss          int64
}

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type rangeJSON struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

// replay runs one session on a generated file of n lines.
func replay(bin string, n int, wl workload) (result, error) {
	text := testgen.Workspace(n)
	lines := bytes.Split(text, []byte("\n"))
	r := result{lines: len(lines), bytes: len(text)}
	dir, err := os.MkdirTemp("", "dpls-replay-ws")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(dir)
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "workspace.dpl"))

	s, err := start(bin, wl.serverArgs)
	if err != nil {
		return r, err
	}
	defer func() { _ = s.cmd.Process.Kill() }()
	if _, err := s.call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{
		"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}}},
	}}, nil); err != nil {
		return r, err
	}
	if err := s.notify("initialized", map[string]any{}); err != nil {
		return r, err
	}

	sent := time.Now()
	if err := s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "dpl", "version": 1, "text": string(text),
	}}); err != nil {
		return r, err
	}
	if r.open, err = s.awaitDiagnostics(1, sent); err != nil {
		return r, err
	}

	rng := rand.New(rand.NewPCG(uint64(n), 42))
	if r.edit, err = editLoop(s, uri, lines, wl, rng); err != nil {
		return r, err
	}
	if r.completion, r.hover, err = requestLoop(s, uri, lines, wl.requests, rng); err != nil {
		return r, err
	}
	if r.rss, err = s.peakRSS(); err != nil {
		return r, err
	}
	return r, s.stop()
}

// editLoop types a space at the end of a random key line and deletes it
// again, alternately, waiting for each version's diagnostics before the
// next edit, as a user who pauses between keystrokes would see them.
func editLoop(s *session, uri string, lines [][]byte, wl workload, rng *rand.Rand) ([]time.Duration, error) {
	var out []time.Duration
	line, col := 0, 0
	for i := 0; i < wl.edits; i++ {
		time.Sleep(wl.pause)
		var change map[string]any
		if i%2 == 0 {
			line = keyLine(lines, rng)
			col = len(lines[line]) // ASCII text: bytes are UTF-16 units
			change = map[string]any{"range": rangeJSON{position{line, col}, position{line, col}}, "text": " "}
		} else {
			change = map[string]any{"range": rangeJSON{position{line, col}, position{line, col + 1}}, "text": ""}
		}
		version := int32(i + 2)
		sent := time.Now()
		if err := s.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{change},
		}); err != nil {
			return nil, err
		}
		d, err := s.awaitDiagnostics(version, sent)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// requestLoop asks for completion at the start of random key lines (where
// the keys of the object are proposed) and hover inside the key.
func requestLoop(s *session, uri string, lines [][]byte, n int, rng *rand.Rand) (completion, hover []time.Duration, err error) {
	doc := map[string]any{"uri": uri}
	for i := 0; i < n; i++ {
		line := keyLine(lines, rng)
		indent := len(lines[line]) - len(bytes.TrimLeft(lines[line], " \t"))
		var items struct {
			Items []json0 `json:"items"`
		}
		d, err := s.call("textDocument/completion", map[string]any{"textDocument": doc, "position": position{line, indent}}, &items)
		if err != nil {
			return nil, nil, err
		}
		completion = append(completion, d)
		if d, err = s.call("textDocument/hover", map[string]any{"textDocument": doc, "position": position{line, indent + 1}}, nil); err != nil {
			return nil, nil, err
		}
		hover = append(hover, d)
	}
	return completion, hover, nil
}

// json0 decodes any item (the benchmark counts the answer, not its content).
type json0 = map[string]any

// keyLine picks a random line holding `key: value`.
func keyLine(lines [][]byte, rng *rand.Rand) int {
	for {
		i := rng.IntN(len(lines))
		t := bytes.TrimSpace(lines[i])
		if bytes.Contains(t, []byte(": ")) && !bytes.HasPrefix(t, []byte("#")) && !bytes.HasPrefix(t, []byte("{")) {
			return i
		}
	}
}
