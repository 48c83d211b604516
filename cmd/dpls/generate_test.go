package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/generators/registry"
)

const genSrc = `deploy_kubernetes Api {
  image: "example/api:1.0.0"
  port: 9000
}

metrics Api {
  app: { up: "gauge" }
}

alerts Api {
  down: { condition: "up == 0", duration: "1m", severity: "critical" }
}
`

// TestGenerateList checks one aligned line per registered target, the
// first ones being the Kubernetes, Prometheus and Compose targets.
func TestGenerateList(t *testing.T) {
	code, out, _ := runDpls("", "generate", "--list")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != len(registry.All()) {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	col := regexp.MustCompile(`\s{2,}`)
	for i, want := range [][]string{
		{"kubernetes", "Kubernetes manifests", "reads deploy_kubernetes"},
		{"prometheus", "Prometheus rules and monitors", "reads alerts, metrics"},
		{"compose", "Docker Compose project", "reads deploy_docker_compose"},
	} {
		if got := col.Split(lines[i], -1); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("line %d: %q", i+1, lines[i])
		}
	}
	titleAt := strings.Index(lines[0], "Kubernetes")
	for _, l := range lines {
		if len(l) <= titleAt || l[titleAt-1] != ' ' || l[titleAt] == ' ' {
			t.Errorf("titles are not aligned:\n%s", out)
		}
	}
}

// TestGenerateWritesThenKeepsEditedFiles runs the whole cycle: create,
// rerun (unchanged), edit a file (refused, exit 1), --force (overwritten).
func TestGenerateWritesThenKeepsEditedFiles(t *testing.T) {
	dir := workspace(t, map[string]string{"api.dpl": genSrc})
	out := filepath.Join(dir, "out")
	args := []string{"generate", "--target", "all", "--out", out, filepath.Join(dir, "api.dpl")}

	code, stdout, stderr := runDpls("", args...)
	if code != 0 || stdout != out+": 7 created\n" || stderr != "" {
		t.Fatalf("first run: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if code, stdout, _ = runDpls("", args...); code != 0 || stdout != out+": 7 unchanged\n" {
		t.Fatalf("second run: exit %d, %s", code, stdout)
	}

	deployment := filepath.Join(out, "kubernetes", "api", "deployment.yaml")
	data, err := os.ReadFile(deployment)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("containerPort: 9000"), []byte("containerPort: 9001"), 1)
	if err := os.WriteFile(deployment, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runDpls("", args...)
	if code != 1 || stdout != out+": 6 unchanged, 1 refused\n" ||
		stderr != deployment+": not replaced: edited since dpls wrote it; use --force to replace it\n" {
		t.Fatalf("edited run: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if kept, _ := os.ReadFile(deployment); !bytes.Equal(kept, edited) {
		t.Fatal("the edited file was replaced")
	}

	code, stdout, _ = runDpls("", append(args, "--force")...)
	if code != 0 || stdout != out+": 1 overwritten, 6 unchanged\n" {
		t.Fatalf("forced run: exit %d, %s", code, stdout)
	}
	if restored, _ := os.ReadFile(deployment); !bytes.Equal(restored, data) {
		t.Fatal("--force did not restore the generated file")
	}
}

func TestGenerateDryRunWritesNothing(t *testing.T) {
	dir := workspace(t, map[string]string{"api.dpl": genSrc, "out/kubernetes/api/service.yaml": "mine: true\n"})
	out := filepath.Join(dir, "out")
	code, stdout, _ := runDpls("", "generate", "--target", "kubernetes", "--dry-run", "--out", out, filepath.Join(dir, "api.dpl"))
	want := "create    " + filepath.Join(out, "kubernetes/api/deployment.yaml") + "\n" +
		"create    " + filepath.Join(out, "kubernetes/api/pdb.yaml") + "\n" +
		"refuse    " + filepath.Join(out, "kubernetes/api/service.yaml") + " (not written by dpls; use --force to replace it)\n"
	if code != 1 || stdout != want {
		t.Fatalf("exit %d, stdout:\n%s\nwant:\n%s", code, stdout, want)
	}
	if _, err := os.Stat(filepath.Join(out, "kubernetes/api/deployment.yaml")); !os.IsNotExist(err) {
		t.Fatalf("dry run wrote a file: %v", err)
	}
}

func TestGenerateNotesAndErrors(t *testing.T) {
	dir := workspace(t, map[string]string{"api.dpl": "deploy_kubernetes Api {\n  port: 9000\n}\n"})
	code, _, stderr := runDpls("", "generate", "--target", "kubernetes", "--out", filepath.Join(dir, "out"), filepath.Join(dir, "api.dpl"))
	want := filepath.Join(dir, "api.dpl") + ":1:19: note: kubernetes: image not declared in deploy_kubernetes Api: using api; declare `image` with a pinned tag\n"
	if code != 0 || stderr != want {
		t.Fatalf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}

	broken := workspace(t, map[string]string{"api.dpl": "deploy_kubernetes Api {\n  port: \n}\n"})
	code, _, stderr = runDpls("", "generate", "--target", "kubernetes", "--out", filepath.Join(broken, "out"), filepath.Join(broken, "api.dpl"))
	if code != 1 || !strings.HasSuffix(stderr, "dpls generate: nothing written: fix the 1 error(s) above first\n") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(broken, "out")); !os.IsNotExist(err) {
		t.Fatal("generated from a block with errors")
	}

	odd := workspace(t, map[string]string{"odd.dpl": "deploy_kubernetes __ {\n  image: \"x:1\"\n}\n"})
	if code, _, stderr = runDpls("", "generate", "--target", "kubernetes", "--out", filepath.Join(odd, "out"), filepath.Join(odd, "odd.dpl")); code != 1 ||
		stderr != "dpls generate: kubernetes for __: naming the objects: \"__\" has no letters or digits to name a resource with\n" {
		t.Fatalf("unnamable service: exit %d, %s", code, stderr)
	}

	if code, _, stderr = runDpls("", "generate", "--target", "nope", filepath.Join(dir, "api.dpl")); code != 2 ||
		!strings.HasPrefix(stderr, "dpls generate: unknown target \"nope\" (known: compose, ") || !strings.HasSuffix(stderr, ", all)\n") {
		t.Fatalf("unknown target: exit %d, %s", code, stderr)
	}
	if code, _, stderr = runDpls("", "generate", "--target", "compose", filepath.Join(dir, "api.dpl")); code != 1 ||
		stderr != "dpls generate: nothing to generate: no deploy_docker_compose block in "+filepath.Join(dir, "api.dpl")+"\n" {
		t.Fatalf("nothing to do: exit %d, %s", code, stderr)
	}
}

// TestGenerateRefusesSymlinkOutOfOutput plants a symbolic link inside the
// output directory that points elsewhere: nothing may be written through it.
func TestGenerateRefusesSymlinkOutOfOutput(t *testing.T) {
	dir := workspace(t, map[string]string{"api.dpl": genSrc})
	elsewhere := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "kubernetes")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runDpls("", "generate", "--target", "kubernetes", "--out", out, filepath.Join(dir, "api.dpl"))
	want := "dpls generate: " + filepath.Join(out, "kubernetes/api/deployment.yaml") + ": a symbolic link leads outside the output directory " + out + "\n"
	if code != 2 || stderr != want {
		t.Fatalf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Fatal("wrote through the symbolic link")
	}
}

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 8, true)
	p.step("a/long/name.yaml")
	p.step("b.yaml")
	p.clear()
	want := "\r[##..................] 1/8 a/long/name.yaml" +
		"\r[#####...............] 2/8 b.yaml          " +
		"\r" + strings.Repeat(" ", 33) + "\r"
	if buf.String() != want {
		t.Fatalf("got %q\nwant %q", buf.String(), want)
	}
	var quiet bytes.Buffer
	q := newProgress(&quiet, 3, true)
	q.step("x")
	q.clear()
	if quiet.Len() != 0 {
		t.Fatalf("a bar for 3 files: %q", quiet.String())
	}
}
