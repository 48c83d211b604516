package lsp

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/generators/registry"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// diskEditor applies generation edits to the file system the way an editor
// does: a create without overwrite fails on an existing file, a create
// with overwrite empties it, and a text edit at 0:0 inserts the content.
// It counts the edits it was asked to apply.
type diskEditor struct {
	t       *testing.T
	applied int
	labels  []string
}

func (d *diskEditor) apply(params json.RawMessage) (any, error) {
	var p struct {
		Label string `json:"label"`
		Edit  struct {
			DocumentChanges []struct {
				Kind    string `json:"kind"`
				URI     string `json:"uri"`
				Options struct {
					Overwrite bool `json:"overwrite"`
				} `json:"options"`
				TextDocument struct {
					URI string `json:"uri"`
				} `json:"textDocument"`
				Edits []struct {
					NewText string `json:"newText"`
				} `json:"edits"`
			} `json:"documentChanges"`
		} `json:"edit"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, err
	}
	d.applied++
	d.labels = append(d.labels, p.Label)
	for _, op := range p.Edit.DocumentChanges {
		if op.Kind == "create" {
			path := fileName(protocol.DocumentURI(op.URI))
			if _, err := os.Stat(path); err == nil && !op.Options.Overwrite {
				return map[string]any{"applied": false, "failureReason": path + " exists"}, nil
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				return nil, err
			}
			continue
		}
		path := fileName(protocol.DocumentURI(op.TextDocument.URI))
		old, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		for _, e := range op.Edits {
			old = append([]byte(e.NewText), old...)
		}
		if err := os.WriteFile(path, old, 0o644); err != nil {
			return nil, err
		}
	}
	return map[string]any{"applied": true}, nil
}

const apiSource = `deploy_kubernetes Api {
  replicas: 2
  image: "example/api:1.4.2"
  port: 9000
}
`

// TestExecuteGenerate runs dpls.generateWorkspace and dpls.generate against
// a client that applies the edits to disk: the files appear with the
// generators' bytes, a hand-written file in the way is left alone and
// reported, progress is shown, and a second run finds nothing to write.
func TestExecuteGenerate(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.dpl", apiSource)
	const handWritten = "# written by hand\napiVersion: v1\nkind: Service\n"
	write("out/kubernetes/api/service.yaml", handWritten)
	write(".dpls.yaml", "generate:\n  output: out\n")

	c := startServer(t, Options{})
	ed := &diskEditor{t: t}
	c.applyEdit = ed.apply
	res := c.initialize(map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true, "resourceOperations": []string{"create"}}},
	}, dir)
	caps := res["capabilities"].(map[string]any)
	if got := caps["executeCommandProvider"]; !reflect.DeepEqual(got, map[string]any{"commands": []any{"dpls.generate", "dpls.generateWorkspace"}}) {
		t.Errorf("executeCommandProvider = %v", got)
	}
	c.await("the end of indexing", func() bool {
		return slices.ContainsFunc(c.notes, func(n note) bool {
			return n.method == "$/progress" && strings.Contains(string(n.params), "indexed")
		})
	})

	var got generateResult
	c.mustCall("workspace/executeCommand", map[string]any{
		"command": "dpls.generateWorkspace", "arguments": []any{map[string]any{"uri": fileURI(dir)}},
	}, &got)
	want := generateResult{
		Applied: true, Files: 2, Refused: []string{"kubernetes/api/service.yaml: not written by dpls"}, Notes: got.Notes,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("generateWorkspace = %+v, want %+v", got, want)
	}
	if ed.applied != 1 || ed.labels[0] != "Generate workspace" {
		t.Errorf("applyEdit calls = %d %q, want 1 \"Generate workspace\"", ed.applied, ed.labels)
	}

	ws := analysis.New(analysis.Config{}).SetFile(filepath.Join(dir, "a.dpl"), []byte(apiSource))
	outs, err := registry.GenerateFor(ws.Index(), "Api", registry.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		for _, f := range o.Files {
			disk, err := os.ReadFile(filepath.Join(dir, "out", filepath.FromSlash(f.Path)))
			if err != nil {
				t.Fatal(err)
			}
			if f.Path == "kubernetes/api/service.yaml" {
				if string(disk) != handWritten {
					t.Errorf("the hand-written service.yaml was replaced:\n%s", disk)
				}
			} else if string(disk) != string(f.Content) {
				t.Errorf("%s on disk differs from the generator's output", f.Path)
			}
		}
	}

	msgs := c.notifications("window/showMessage")
	if len(msgs) != 1 || !strings.Contains(string(msgs[0]), `"type":2`) ||
		!strings.Contains(string(msgs[0]), `Generate workspace: wrote 2 file(s); not overwriting kubernetes/api/service.yaml: not written by dpls`) {
		t.Errorf("showMessage = %s", msgs)
	}
	var progress []string
	for _, p := range c.notifications("$/progress") {
		if s := string(p); strings.Contains(s, "Generating") || strings.Contains(s, "services") {
			progress = append(progress, s)
		}
	}
	if len(progress) < 2 || !strings.Contains(progress[0], `"title":"Generating"`) || !strings.Contains(progress[len(progress)-1], `"message":"generated 1 services"`) {
		t.Errorf("progress = %q", progress)
	}

	// Again, for one target of one service: nothing left to write, so no
	// edit is sent.
	c.mustCall("workspace/executeCommand", map[string]any{
		"command": "dpls.generate", "arguments": []any{map[string]any{"uri": fileURI(filepath.Join(dir, "a.dpl")), "service": "Api", "target": "kubernetes"}},
	}, &got)
	want = generateResult{Unchanged: 2, Refused: []string{"kubernetes/api/service.yaml: not written by dpls"}, Notes: got.Notes}
	if !reflect.DeepEqual(got, want) || ed.applied != 1 {
		t.Errorf("second run = %+v (applyEdit calls %d), want %+v and no edit", got, ed.applied, want)
	}
}

// TestExecuteGenerateErrors checks the argument errors and that a client
// without create operations is told why.
func TestExecuteGenerateErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.dpl"), []byte(apiSource), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startServer(t, Options{})
	c.initialize(map[string]any{}, dir)
	err := c.call("workspace/executeCommand", map[string]any{"command": "dpls.generateWorkspace"}, nil)
	if err == nil || !strings.Contains(err.Error(), "dpls.generateWorkspace: the editor cannot create files through workspace edits (workspaceEdit.resourceOperations)") {
		t.Errorf("without create support: %v", err)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "generated")); !errors.Is(statErr, fs.ErrNotExist) {
		t.Errorf("generated/ was created: %v", statErr)
	}
}

// TestOutputDir: the output directory is the setting under the deepest
// workspace folder holding the file, and a setting leaving the folder is
// refused.
func TestOutputDir(t *testing.T) {
	root, nested := filepath.FromSlash("/ws"), filepath.FromSlash("/ws/svc")
	s := New(Options{})
	s.setFolders([]string{root, nested})
	file := filepath.Join(nested, "a.dpl")
	for _, tc := range []struct{ setting, want, err string }{
		{"", filepath.Join(nested, "generated"), ""},
		{"out/k8s", filepath.Join(nested, "out", "k8s"), ""},
		{"../escape", "", `generate.output "../escape" must be a relative path inside the workspace folder`},
		{"/etc", "", `generate.output "/etc" must be a relative path inside the workspace folder`},
	} {
		got, err := s.outputDir(tc.setting, file)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && err.Error() != tc.err {
			t.Errorf("outputDir(%q) = %q, %v; want %q, %q", tc.setting, got, err, tc.want, tc.err)
		}
	}
	if _, err := s.outputDir("", filepath.FromSlash("/elsewhere/b.dpl")); err == nil || err.Error() != "b.dpl is not inside a workspace folder" {
		t.Errorf("file outside the folders: %v", err)
	}
}

// TestExecuteGenerateRefusesErrors: a block with an error finding stops
// both commands as it stops `dpls generate` (registry.InputErrors): the
// answer is an error naming the finding, no edit is sent, nothing is
// written. Another service's error stops dpls.generateWorkspace too.
func TestExecuteGenerateRefusesErrors(t *testing.T) {
	dir := t.TempDir()
	const bad = "deploy_kubernetes Bad {\n  image: \"example/bad:1.0.0\"\n  port: 70000\n}\n\nfault_tolerance Bad {\n  timeout: \"-1s\"\n}\n"
	for name, text := range map[string]string{"a.dpl": apiSource, "svc/bad.dpl": bad} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := startServer(t, Options{})
	ed := &diskEditor{t: t}
	c.applyEdit = ed.apply
	c.initialize(map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true, "resourceOperations": []string{"create"}}},
	}, dir)
	c.await("the end of indexing", func() bool {
		return slices.ContainsFunc(c.notes, func(n note) bool {
			return n.method == "$/progress" && strings.Contains(string(n.params), "indexed")
		})
	})

	const findings = `fix these 2 errors first: svc/bad.dpl:3:9: port must be in [1, 65535]; Kubernetes rejects 70000; svc/bad.dpl:7:12: "-1s" is not a duration: durations cannot be signed`
	for _, tc := range []struct {
		command string
		arg     map[string]any
	}{
		{"dpls.generate", map[string]any{"uri": fileURI(filepath.Join(dir, "svc", "bad.dpl")), "service": "Bad", "target": "kubernetes"}},
		{"dpls.generate", map[string]any{"uri": fileURI(filepath.Join(dir, "svc", "bad.dpl")), "service": "Bad", "kind": "deploy_kubernetes"}},
		{"dpls.generateWorkspace", map[string]any{"uri": fileURI(dir)}},
	} {
		err := c.call("workspace/executeCommand", map[string]any{"command": tc.command, "arguments": []any{tc.arg}}, nil)
		if want := tc.command + ": " + findings; err == nil || err.Error() != want {
			t.Errorf("%s %v: error %v, want %q", tc.command, tc.arg, err, want)
		}
	}
	if ed.applied != 0 {
		t.Errorf("applyEdit calls = %d, want none", ed.applied)
	}
	if _, err := os.Stat(filepath.Join(dir, "generated")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("generated/ was created: %v", err)
	}

	// The service without errors still generates.
	var got generateResult
	c.mustCall("workspace/executeCommand", map[string]any{
		"command": "dpls.generate", "arguments": []any{map[string]any{"uri": fileURI(filepath.Join(dir, "a.dpl")), "service": "Api", "target": "kubernetes"}},
	}, &got)
	if !got.Applied || got.Files != 3 || ed.applied != 1 {
		t.Errorf("Api = %+v (applyEdit calls %d), want 3 files applied", got, ed.applied)
	}
}
