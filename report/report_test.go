package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

var update = flag.Bool("update", false, "rewrite ../testdata/check/format.*.golden from the renderers' output")

// The fixture exercises what position conversion gets wrong: a tab before
// the finding, multi-byte characters (2-byte é, 3-byte CJK that is two
// columns wide, a 4-byte emoji that is two UTF-16 units), a range over two
// lines, an empty range at the end of a CRLF line, a related location in
// another file, a quick fix, and characters the GitHub format must escape.
const (
	fileA = "fault_tolerance OrderService {\n\tretry: { max_attempts: 6 }\n  name: \"café 服务\", timeout: \"2秒\"\n  // 🚀 launch\n  fallback: { strategy: \"failFast\" }\n}\n"
	fileB = "verify_fault_tolerance OrderService {\r\n  max_response_time: \"3s\"\r\n  scenarios: [\r\n"
	nameA = "svc/orders.dpl"
	nameB = "svc/verify,1:a.dpl"
)

func at(src, needle string) model.Span {
	i := bytes.Index([]byte(src), []byte(needle))
	if i < 0 {
		panic("fixture: " + needle + " not found")
	}
	return model.Span{Start: i, End: i + len(needle)}
}

func loc(file, src, needle string) rule.Location {
	return rule.Location{File: file, Span: at(src, needle)}
}

func fixture() Report {
	eol := bytes.Index([]byte(fileB), []byte("[\r\n")) + 1
	return Report{
		Sources: map[string][]byte{nameA: []byte(fileA), nameB: []byte(fileB)},
		Diagnostics: []rule.Diagnostic{
			{
				Location: loc(nameA, fileA, "6"), Severity: rule.Warning, Code: "FT001",
				Message: "6 attempts: gRPC clients cap retries at 5 attempts",
				Fixes: []rule.Fix{{Title: "set max_attempts to 3", Edits: []rule.TextEdit{
					{Location: loc(nameA, fileA, "6"), NewText: "3"},
				}}},
			},
			{
				Location: loc(nameA, fileA, `"2秒"`), Severity: rule.Error, Code: "GEN001",
				Message: `"2秒" is not a duration: add a unit such as "10s"`,
			},
			{
				Location: loc(nameA, fileA, "launch"), Severity: rule.Info, Code: "LK004",
				Message: "100% sure: a TTL lock, held by two clients\nafter a pause",
			},
			{
				Location: rule.Location{File: nameA, Span: model.Span{
					Start: at(fileA, "fallback").Start, End: at(fileA, "}\n}").End}},
				Severity: rule.Warning, Code: "XB001",
				Message: "3 attempts × 2s + 300ms backoff = 6.3s worst case exceeds max_response_time 3s",
				Related: []rule.Related{{Location: loc(nameB, fileB, `"3s"`), Message: "max_response_time of OrderService"}},
			},
			{
				Location: rule.Location{File: nameB, Span: model.Span{Start: eol, End: eol}}, Severity: rule.Error,
				Code: "SYN001", Message: "expected `]` to close the list in block OrderService",
			},
		},
	}
}

// fixtureOptions places the files under a repository at /repo, run from
// /repo/deploy, so relative names must be rebased.
func fixtureOptions() Options {
	return Options{
		Version: "1.2.3", Dir: "/repo", Root: "/repo",
		Rules: []*rule.Rule{
			{Code: "FT001", Severity: rule.Warning, Title: "Too many retry attempts", Doc: "More than **5** attempts.\n\nSee gRPC A6."},
			{Code: "GEN001", Severity: rule.Error, Title: "Value does not parse as its type", Doc: "Add a unit."},
			{Code: "LK004", Severity: rule.Info, Title: "TTL lock without fencing", Doc: "Check a fencing token."},
			{Code: "SYN001", Severity: rule.Error, Title: "Syntax error", Doc: "Not DPL syntax."},
			{Code: "XB001", Severity: rule.Warning, Title: "Retry worst case exceeds the verified bound", Doc: "W = attempts × timeout + backoff."},
		},
	}
}

// golden compares got with ../testdata/check/NAME, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "check", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to accept):\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func render(t *testing.T, format string, r Report, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, r, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGoldens(t *testing.T) {
	color := fixtureOptions()
	color.Color = true
	for _, c := range []struct {
		golden, format string
		opts           Options
	}{
		{"format.text.golden", "text", fixtureOptions()},
		{"format.color.golden", "text", color},
		{"format.json.golden", "json", fixtureOptions()},
		{"format.sarif.golden", "sarif", fixtureOptions()},
		{"format.github.golden", "github", fixtureOptions()},
	} {
		t.Run(c.golden, func(t *testing.T) { golden(t, c.golden, render(t, c.format, fixture(), c.opts)) })
	}
}

func TestEmptyReports(t *testing.T) {
	for format, want := range map[string]string{
		"text":   "",
		"json":   "{\n  \"version\": 1,\n  \"diagnostics\": []\n}\n",
		"github": "",
	} {
		if got := string(render(t, format, Report{}, Options{})); got != want {
			t.Errorf("%s: got %q, want %q", format, got, want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xml", Report{}, Options{})
	if err == nil || err.Error() != `unknown format "xml" (want text, json, sarif, github)` {
		t.Errorf("got %v", err)
	}
}
