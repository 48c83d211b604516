package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildDpls builds the binary once per test run, into a temporary
// directory: the serve tests talk to the real process over its stdio.
func buildDpls(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dpls")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// lspProcess is the binary serving LSP, with its stdio as pipes.
type lspProcess struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr bytes.Buffer
	done   chan error
}

func startDpls(t *testing.T, bin string, args ...string) *lspProcess {
	t.Helper()
	p := &lspProcess{t: t, cmd: exec.Command(bin, args...), done: make(chan error, 1)}
	p.cmd.Stderr = &p.stderr
	var err error
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.stdout = bufio.NewReader(out)
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.cmd.Process.Kill() })
	return p
}

func (p *lspProcess) send(body string) {
	p.t.Helper()
	if _, err := fmt.Fprintf(p.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		p.t.Fatalf("write: %v", err)
	}
}

// read returns the next message's body; every byte of stdout must be a
// well-framed message, so a stray log line on stdout fails here.
func (p *lspProcess) read() map[string]any {
	p.t.Helper()
	header, err := p.stdout.ReadString('\n')
	if err != nil {
		p.t.Fatalf("read: %v (stderr: %s)", err, p.stderr.String())
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(header, "Content-Length:")))
	if !strings.HasPrefix(header, "Content-Length: ") || err != nil {
		p.t.Fatalf("stdout holds %q, not an LSP header", header)
	}
	if blank, _ := p.stdout.ReadString('\n'); blank != "\r\n" {
		p.t.Fatalf("header not followed by a blank line: %q", blank)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(p.stdout, body); err != nil {
		p.t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		p.t.Fatalf("%s: %v", body, err)
	}
	return m
}

// wait returns the exit code once the process ends.
func (p *lspProcess) wait() int {
	p.t.Helper()
	go func() { p.done <- p.cmd.Wait() }()
	select {
	case err := <-p.done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(30 * time.Second):
		p.t.Fatalf("dpls did not exit (stderr: %s)", p.stderr.String())
		return -1
	}
}

const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}`

func TestServeOverStdio(t *testing.T) {
	bin := buildDpls(t)
	for _, args := range [][]string{nil, {"serve"}, {"--stdio"}} {
		t.Run(strings.Join(append([]string{"dpls"}, args...), " "), func(t *testing.T) {
			p := startDpls(t, bin, args...)
			p.send(initialize)
			res := p.read()
			info := res["result"].(map[string]any)["serverInfo"].(map[string]any)
			if info["name"] != "dpls" || info["version"] != version {
				t.Errorf("serverInfo %v", info)
			}
			p.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
			p.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
			if m := p.read(); m["id"] != 2.0 || m["result"] != nil {
				t.Errorf("shutdown answered %v", m)
			}
			p.send(`{"jsonrpc":"2.0","method":"exit"}`)
			// The client keeps stdin open: exit alone must end the process.
			if code := p.wait(); code != 0 {
				t.Errorf("exit code %d after shutdown and exit, want 0 (stderr: %s)", code, p.stderr.String())
			}
			if !strings.Contains(p.stderr.String(), "serving LSP on stdio") {
				t.Errorf("the log did not go to stderr: %q", p.stderr.String())
			}
		})
	}
}

func TestServeExitWithoutShutdown(t *testing.T) {
	p := startDpls(t, buildDpls(t))
	p.send(initialize)
	p.read()
	p.send(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := p.wait(); code != 1 {
		t.Errorf("exit code %d without shutdown, want 1", code)
	}
}

func TestServeEndsWhenStdinCloses(t *testing.T) {
	p := startDpls(t, buildDpls(t))
	p.send(initialize)
	p.read()
	_ = p.stdin.Close()
	if code := p.wait(); code != 0 {
		t.Errorf("exit code %d when stdin closed, want 0 (stderr: %s)", code, p.stderr.String())
	}
}

func TestServeLogFile(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "dpls.log")
	p := startDpls(t, buildDpls(t), "--stdio", "--log-file", logFile, "--log-level", "debug")
	p.send(initialize)
	p.read()
	_ = p.stdin.Close()
	p.wait()
	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "serving LSP on stdio") || !strings.Contains(string(log), "initialized") {
		t.Errorf("log file lacks the session: %q", log)
	}
	if p.stderr.Len() != 0 {
		t.Errorf("with --log-file, stderr got %q", p.stderr.String())
	}
}

func TestServeRejectsBadFlags(t *testing.T) {
	code, _, stderr := runDpls("", "serve", "--log-level", "loud")
	if code != 2 || !strings.Contains(stderr, `dpls serve: --log-level: unrecognized level: "loud"`) {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	code, _, stderr = runDpls("", "serve", "extra")
	if code != 2 || stderr != "dpls serve: unexpected argument \"extra\"\n" {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
}

// ALE ends a server by closing its stdin and sending SIGTERM at once; the
// session must end cleanly whichever comes first, and a signal that lands
// while the process is on its way out must not kill it.
func TestServeEndsCleanlyOnSIGTERM(t *testing.T) {
	bin := buildDpls(t)
	for _, closeStdin := range []bool{false, true} {
		t.Run(fmt.Sprintf("close stdin %v", closeStdin), func(t *testing.T) {
			p := startDpls(t, bin)
			p.send(initialize)
			p.read()
			if closeStdin {
				_ = p.stdin.Close()
			}
			stop := make(chan struct{})
			defer close(stop)
			go func() {
				for {
					select {
					case <-stop:
						return
					default:
						_ = p.cmd.Process.Signal(syscall.SIGTERM)
						time.Sleep(100 * time.Microsecond)
					}
				}
			}()
			if code := p.wait(); code != 0 {
				t.Errorf("exit %d (%v) after SIGTERM, want 0 (stderr: %s)", code, p.cmd.ProcessState, p.stderr.String())
			}
		})
	}
}
