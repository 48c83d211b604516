package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Until the domain rules land, syntax errors are the findings these tests
// can count on: a stray `}` and an unclosed block.
const (
	strayBrace   = "// only a comment\n}\n"
	unclosed     = "fault_tolerance A {\n  timeout: \"1s\"\n"
	commentOnly  = "// nothing to check\n"
	strayText    = "a.dpl:2:1: error: unexpected `}` in the file [SYN001]\n    2 | }\n      | ^\n"
	unclosedText = "b.dpl:2:16: error: expected `}` to close block A [SYN001]\n    2 |   timeout: \"1s\"\n      |                ^\n"
)

func init() {
	// Another test file of this package may define -update first.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files from the current output")
	}
}

func updating() bool { return flag.Lookup("update").Value.String() == "true" }

// checkIn runs the CLI with dir as the working directory.
func checkIn(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	return runDpls(stdin, args...)
}

func TestCheckTextDefaultsToCurrentDirectory(t *testing.T) {
	dir := workspace(t, map[string]string{
		"a.dpl": strayBrace, "b.dpl": unclosed, "sub/c.dpl": commentOnly, "notes.txt": strayBrace, ".git/d.dpl": strayBrace,
	})
	code, out, errOut := checkIn(t, dir, "", "check")
	want := strayText + unclosedText + "2 problems (2 errors)\n"
	if code != 1 || out != want || errOut != "" {
		t.Errorf("code %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}
}

func TestCheckClean(t *testing.T) {
	dir := workspace(t, map[string]string{"a.dpl": commentOnly})
	for _, format := range []string{"text", "github"} {
		if code, out, errOut := checkIn(t, dir, "", "check", "--format", format, "a.dpl"); code != 0 || out != "" || errOut != "" {
			t.Errorf("%s: code %d, stdout %q, stderr %q", format, code, out, errOut)
		}
	}
}

func TestCheckStdin(t *testing.T) {
	dir := workspace(t, map[string]string{"a.dpl": strayBrace})
	code, out, _ := checkIn(t, dir, unclosed, "check", "-", "a.dpl")
	// Files come in name order, and "<" sorts before letters.
	want := strings.Replace(unclosedText, "b.dpl", "<standard input>", 1) + strayText + "2 problems (2 errors)\n"
	if code != 1 || out != want {
		t.Errorf("code %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}
}

// TestCheckSkipsHiddenAndNodeModules: a directory's walk leaves out
// hidden directories and node_modules at any depth, the same walk the
// editor indexes with; a path given by name is checked wherever it lies.
func TestCheckSkipsHiddenAndNodeModules(t *testing.T) {
	dir := workspace(t, map[string]string{
		"a.dpl": commentOnly, "node_modules/pkg/b.dpl": strayBrace, "svc/node_modules/c.dpl": strayBrace,
		".git/d.dpl": strayBrace, "svc/.cache/e.dpl": strayBrace,
	})
	if code, out, errOut := checkIn(t, dir, "", "check"); code != 0 || out != "" || errOut != "" {
		t.Errorf("check: code %d, stdout %q, stderr %q; want a clean run", code, out, errOut)
	}
	want := strings.Replace(strayText, "a.dpl", "node_modules/pkg/b.dpl", 1) + "1 problem (1 error)\n"
	if code, out, _ := checkIn(t, dir, "", "check", "node_modules/pkg/b.dpl"); code != 1 || out != want {
		t.Errorf("check node_modules/pkg/b.dpl: code %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}
}

// TestCheckFlagsAfterPaths accepts flags anywhere before `--`, and treats
// everything after it as a path.
func TestCheckFlagsAfterPaths(t *testing.T) {
	dir := workspace(t, map[string]string{"b.dpl": unclosed, "--format": unclosed})
	code, out, _ := checkIn(t, dir, "", "check", "b.dpl", "--format", "github")
	want := "::error file=b.dpl,line=2,endLine=2,col=16,endColumn=16,title=SYN001::expected `}` to close block A\n"
	if code != 1 || out != want {
		t.Errorf("code %d, stdout %q; want %q", code, out, want)
	}
	code, out, _ = checkIn(t, dir, "", "check", "--format=github", "--", "--format")
	if want := strings.Replace(want, "b.dpl", "--format", 1); code != 1 || out != want {
		t.Errorf("after --: code %d, stdout %q; want %q", code, out, want)
	}
}

// TestCheckSeverityAndShow lowers SYN001 to info through .dpls.yaml, the
// only way to get a finding below error until the domain rules land.
func TestCheckSeverityAndShow(t *testing.T) {
	dir := workspace(t, map[string]string{"a.dpl": strayBrace, ".dpls.yaml": "rules:\n  SYN001: info\n"})
	info := strings.Replace(strayText, "error:", "info:", 1) + "1 problem (1 info)\n"
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"check"}, 0, info},
		{[]string{"check", "--severity", "info"}, 1, info},
		{[]string{"check", "--severity", "hint"}, 1, info},
		{[]string{"check", "--severity", "error"}, 0, info},
		{[]string{"check", "--show", "warning"}, 0, ""},
		{[]string{"check", "--show", "error", "--severity", "info"}, 1, info},
		{[]string{"check", "--show", "hint"}, 0, info},
	} {
		if code, out, errOut := checkIn(t, dir, "", c.args...); code != c.code || out != c.out || errOut != "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want %d, %q", c.args, code, out, errOut, c.code, c.out)
		}
	}
}

// TestCheckConfigFromAncestor finds .dpls.yaml in the nearest directory,
// from the first path upward, that has one.
func TestCheckConfigFromAncestor(t *testing.T) {
	dir := workspace(t, map[string]string{
		".dpls.yaml":          "rules:\n  SYN001: info\n",
		"svc/.dpls.yaml":      "disabled: [SYN001]\n",
		"svc/deep/a.dpl":      strayBrace,
		"other/b.dpl":         unclosed,
		"svc/deep/empty/.txt": "",
	})
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"check", "svc/deep"}, 0, ""},
		{[]string{"check", "svc/deep/a.dpl"}, 0, ""},
		{[]string{"check", "svc/deep/empty", "svc/deep/a.dpl"}, 0, ""},
		{[]string{"check", "other"}, 0, "other/b.dpl:2:16: info: expected `}` to close block A [SYN001]\n    2 |   timeout: \"1s\"\n      |                ^\n1 problem (1 info)\n"},
	} {
		if code, out, errOut := checkIn(t, dir, "", c.args...); code != c.code || out != c.out || errOut != "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want %d, %q", c.args, code, out, errOut, c.code, c.out)
		}
	}
}

func TestCheckUsageAndIOErrors(t *testing.T) {
	dir := workspace(t, map[string]string{"a.dpl": strayBrace, "bad/.dpls.yaml": "rules:\n  XX999: error\n", "bad/b.dpl": commentOnly})
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "dangling.dpl")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args   []string
		stderr string // exact, or a prefix when it ends in "…"
	}{
		{[]string{"check", "--format", "xml", "a.dpl"}, "dpls check: unknown format \"xml\" (want text, json, sarif, github)\n"},
		{[]string{"check", "--severity", "fatal", "a.dpl"}, "dpls check: --severity: unknown severity \"fatal\" (want error, warning, info, hint or off)\n"},
		{[]string{"check", "--show", "off", "a.dpl"}, "dpls check: --show: \"off\" is not a finding level (want error, warning, info or hint)\n"},
		{[]string{"check", "-", "-"}, "dpls check: standard input (-) given 2 times\n"},
		{[]string{"check", "missing.dpl"}, "dpls check: stat missing.dpl: no such file or directory\n"},
		{[]string{"check", "dangling.dpl"}, "dpls check: stat dangling.dpl: no such file or directory\n"},
		{[]string{"check", "."}, "dpls check: open dangling.dpl: no such file or directory\n"},
		{[]string{"check", "bad"}, "dpls check: " + filepath.Join(dir, "bad", ".dpls.yaml") + ": unknown rule \"XX999\"\n"},
		{[]string{"check", "--frobnicate"}, "flag provided but not defined: -frobnicate\n…"},
	} {
		code, out, errOut := checkIn(t, dir, "", c.args...)
		ok := errOut == c.stderr
		if prefix, cut := strings.CutSuffix(c.stderr, "…"); cut {
			ok = strings.HasPrefix(errOut, prefix)
		}
		if code != 2 || out != "" || !ok {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want 2, %q", c.args, code, out, errOut, c.stderr)
		}
	}
}

func TestCheckColor(t *testing.T) {
	dir := workspace(t, map[string]string{"a.dpl": strayBrace})
	_, out, _ := checkIn(t, dir, "", "check", "--color")
	if want := "\x1b[1ma.dpl:2:1:\x1b[0m \x1b[1;31merror:\x1b[0m unexpected `}` in the file \x1b[1;31m[SYN001]\x1b[0m\n"; !strings.HasPrefix(out, want) {
		t.Errorf("--color: got %q, want it to start with %q", out, want)
	}
	for _, args := range [][]string{{"check"}, {"check", "--color", "--no-color"}} {
		if _, out, _ := checkIn(t, dir, "", args...); strings.Contains(out, "\x1b") {
			t.Errorf("%v: colour in %q", args, out)
		}
	}
}

// TestCheckMachineFormats checks what the CLI adds to the report package's
// formats: names as given, and SARIF URIs relative to the repository root.
func TestCheckMachineFormats(t *testing.T) {
	dir := workspace(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n", "svc/b.dpl": unclosed})
	var js struct {
		Diagnostics []struct{ File, Code string }
	}
	code, out, _ := checkIn(t, filepath.Join(dir, "svc"), "", "check", "--format", "json")
	if err := json.Unmarshal([]byte(out), &js); err != nil || code != 1 || len(js.Diagnostics) != 1 || js.Diagnostics[0].File != "b.dpl" {
		t.Errorf("json: code %d, %v, %+v", code, err, js)
	}
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Name, Version string }
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
					}
				}
			}
		}
	}
	code, out, _ = checkIn(t, filepath.Join(dir, "svc"), "", "check", "--format", "sarif", ".")
	if err := json.Unmarshal([]byte(out), &sarif); err != nil || code != 1 {
		t.Fatalf("sarif: code %d, %v", code, err)
	}
	run := sarif.Runs[0]
	if run.Tool.Driver.Name != "dpls" || run.Tool.Driver.Version != version || len(run.Results) != 1 {
		t.Fatalf("sarif run: %+v", run)
	}
	if loc := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation; loc.URI != "svc/b.dpl" || loc.URIBaseID != "%SRCROOT%" {
		t.Errorf("sarif location %+v, want svc/b.dpl under %%SRCROOT%%", loc)
	}
}

func TestExplain(t *testing.T) {
	code, out, _ := runDpls("", "explain", "syn001")
	if want := "SYN001 (error): Syntax error\n\nThe text is not valid DPL syntax"; code != 0 || !strings.HasPrefix(out, want) {
		t.Errorf("code %d, stdout %q; want it to start with %q", code, out, want)
	}
	code, out, _ = runDpls("", "explain")
	if code != 0 || !strings.Contains(out, "\nSYN001  error    Syntax error\n") {
		t.Errorf("list: code %d, stdout:\n%s", code, out)
	}
	for _, c := range []struct{ id, stderr string }{
		{"SYN01", "dpls explain: unknown rule \"SYN01\"; did you mean SYN001?\n"},
		{"nonsense", "dpls explain: unknown rule \"nonsense\"; run `dpls explain` for the list\n"},
	} {
		if code, out, errOut := runDpls("", "explain", c.id); code != 2 || out != "" || errOut != c.stderr {
			t.Errorf("%s: code %d, stdout %q, stderr %q; want 2, %q", c.id, code, out, errOut, c.stderr)
		}
	}
}

// TestCheckSeed pins `dpls check testdata/seed`, run from the repository
// root, in testdata/check/seed.golden (rewrite with -update).
func TestCheckSeed(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	code, out, errOut := runDpls("", "check", "testdata/seed")
	if errOut != "" || (out == "") != (code == 0) {
		t.Fatalf("code %d with stdout %q, stderr %q", code, out, errOut)
	}
	path := filepath.Join("testdata", "check", "seed.golden")
	if updating() {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("dpls check testdata/seed differs from %s (run with -update to accept):\n%s", path, out)
	}
}
