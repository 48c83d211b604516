package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const (
	messy     = "fault_tolerance A {\n    retry:5\n}\n"
	tidy      = "fault_tolerance A {\n  retry: 5\n}\n"
	broken    = "fault_tolerance A {\n  retry: \n}\n"
	brokenMsg = ":2:9: cannot format: expected a value in block A\n"
)

// runDpls runs the CLI in-process and returns its exit code and output.
func runDpls(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(env{args: args, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

// workspace writes files (path → contents) under a new temporary directory.
func workspace(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFmtStdin(t *testing.T) {
	for _, args := range [][]string{{"fmt"}, {"fmt", "-"}} {
		code, out, errOut := runDpls(messy, args...)
		if code != 0 || out != tidy || errOut != "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func TestFmtPrintsFile(t *testing.T) {
	dir := workspace(t, map[string]string{"a.dpl": messy})
	path := filepath.Join(dir, "a.dpl")
	code, out, _ := runDpls("", "fmt", path)
	if code != 0 || out != tidy {
		t.Errorf("code %d, stdout %q", code, out)
	}
	if readString(t, path) != messy {
		t.Error("printing rewrote the file")
	}
}

// TestFmtWrite rewrites every changed *.dpl below a directory in place,
// keeps permissions, and leaves formatted and other files alone, and
// those in hidden directories and node_modules.
func TestFmtWrite(t *testing.T) {
	dir := workspace(t, map[string]string{
		"a.dpl": messy, "sub/b.dpl": messy, "c.dpl": tidy, "notes.txt": messy, ".hidden/d.dpl": messy,
		"node_modules/e.dpl": messy,
	})
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "c.dpl"), old, old); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runDpls("", "fmt", "-w", dir)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out, errOut)
	}
	for name, want := range map[string]string{
		"a.dpl": tidy, "sub/b.dpl": tidy, "c.dpl": tidy, "notes.txt": messy, ".hidden/d.dpl": messy,
		"node_modules/e.dpl": messy,
	} {
		if got := readString(t, filepath.Join(dir, name)); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	info, err := os.Stat(filepath.Join(dir, "a.dpl"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("a.dpl: mode %v, %v; want 0600", info.Mode(), err)
	}
	if info, _ := os.Stat(filepath.Join(dir, "c.dpl")); !info.ModTime().Equal(old) {
		t.Error("c.dpl was already formatted but was written")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 6 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestFmtCheck(t *testing.T) {
	dir := workspace(t, map[string]string{"a.dpl": messy, "b.dpl": tidy})
	code, out, _ := runDpls("", "fmt", "--check", dir)
	if want := filepath.Join(dir, "a.dpl") + "\n"; code != 1 || out != want {
		t.Errorf("code %d, stdout %q; want 1, %q", code, out, want)
	}
	if readString(t, filepath.Join(dir, "a.dpl")) != messy {
		t.Error("--check rewrote a file")
	}
	if code, out, _ := runDpls("", "fmt", "-check", filepath.Join(dir, "b.dpl")); code != 0 || out != "" {
		t.Errorf("formatted file: code %d, stdout %q", code, out)
	}
}

func TestFmtDiff(t *testing.T) {
	want := "--- <standard input>.orig\n+++ <standard input>\n@@ -1,3 +1,3 @@\n fault_tolerance A {\n-    retry:5\n+  retry: 5\n }\n"
	for _, flag := range []string{"-d", "--diff"} {
		if code, out, _ := runDpls(messy, "fmt", flag); code != 0 || out != want {
			t.Errorf("%s: code %d, stdout:\n%s\nwant:\n%s", flag, code, out, want)
		}
	}
	if code, out, _ := runDpls(tidy, "fmt", "-d"); code != 0 || out != "" {
		t.Errorf("formatted input: code %d, stdout %q", code, out)
	}
}

// TestFmtSyntaxError reports the error, exits 1, never writes the broken
// file, and still formats the others.
func TestFmtSyntaxError(t *testing.T) {
	dir := workspace(t, map[string]string{"bad.dpl": broken, "good.dpl": messy})
	code, _, errOut := runDpls("", "fmt", "-w", dir)
	bad := filepath.Join(dir, "bad.dpl")
	if code != 1 || errOut != bad+brokenMsg {
		t.Errorf("code %d, stderr %q; want 1, %q", code, errOut, bad+brokenMsg)
	}
	if readString(t, bad) != broken {
		t.Error("a file with a syntax error was written")
	}
	if readString(t, filepath.Join(dir, "good.dpl")) != tidy {
		t.Error("the file without error was not formatted")
	}
	if code, out, errOut := runDpls(broken, "fmt"); code != 1 || out != "" || errOut != "<standard input>"+brokenMsg {
		t.Errorf("stdin: code %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestFmtUsageErrors(t *testing.T) {
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"fmt", "-x"}},
		{messy, []string{"fmt", "-w"}},
		{messy, []string{"fmt", "-w", "-"}},
		{"", []string{"fmt", filepath.Join(t.TempDir(), "missing.dpl")}},
	} {
		if code, _, errOut := runDpls(c.stdin, c.args...); code != 2 || errOut == "" {
			t.Errorf("%v: code %d, stderr %q; want 2 and a message", c.args, code, errOut)
		}
	}
}
