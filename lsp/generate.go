package lsp

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/registry"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// defaultOutputDir is where generated files go when neither .dpls.yaml nor
// the editor sets generate.output: the same default as `dpls generate`.
const defaultOutputDir = "generated"

// createFile is LSP's CreateFile resource operation. The vendored
// WorkspaceEdit only holds text document edits in documentChanges, so
// generation builds its own edit (genEdit) from these and textDocEdits.
type createFile struct {
	Kind    string                      `json:"kind"` // always "create"
	URI     protocol.DocumentURI        `json:"uri"`
	Options *protocol.CreateFileOptions `json:"options,omitempty"`
}

// genEdit is a WorkspaceEdit whose documentChanges mix file creations and
// text edits, in the order the client must apply them.
type genEdit struct {
	DocumentChanges []any `json:"documentChanges"`
}

// genPlan is what generating some targets for some services would do to
// the output directory, read against the files on disk.
type genPlan struct {
	edit genEdit
	// files is how many files the edit creates or replaces.
	files int
	// unchanged counts files whose content is already the generated one.
	unchanged int
	// refused lists "path: reason" for files dpls will not replace (edited
	// or not dpls's): they are left out of the edit.
	refused []string
	notes   []generators.Note
}

// outputDir is the absolute output directory for a file of the workspace:
// generate.output (default "generated") under the workspace folder that
// holds the file. A setting that is absolute or climbs out of the folder
// is refused, so generation can never write outside the workspace.
func (s *Server) outputDir(cfgDir, file string) (string, error) {
	folder := ""
	for _, f := range s.foldersNow() {
		if within(f, file) && len(f) > len(folder) {
			folder = f
		}
	}
	if folder == "" {
		return "", fmt.Errorf("%s is not inside a workspace folder", filepath.Base(file))
	}
	dir := cfgDir
	if dir == "" {
		dir = defaultOutputDir
	}
	if !filepath.IsLocal(filepath.FromSlash(dir)) {
		return "", fmt.Errorf("generate.output %q must be a relative path inside the workspace folder", cfgDir)
	}
	return filepath.Join(folder, filepath.FromSlash(dir)), nil
}

// plan generates targets for each named service and plans their files
// (see planOutputs).
func (s *Server) plan(ws *analysis.Workspace, dir string, services []string, targets []generators.Target) (genPlan, error) {
	var outs []registry.Output
	for _, svc := range services {
		o, err := registry.GenerateFor(ws.Index(), svc, targets)
		if err != nil {
			return genPlan{}, err
		}
		outs = append(outs, o...)
	}
	return s.planOutputs(ws, dir, outs)
}

// planOutputs refuses, as `dpls generate` does, when a block the outputs
// were generated from has an error finding (registry.InputErrors), then
// decides, file by file with generators.Decide (never forcing), how the
// edit treats each file.
func (s *Server) planOutputs(ws *analysis.Workspace, dir string, outs []registry.Output) (genPlan, error) {
	if errs := registry.InputErrors(ws, outs); len(errs) > 0 {
		return genPlan{}, s.inputError(ws, errs)
	}
	var p genPlan
	for _, o := range outs {
		p.notes = append(p.notes, o.Notes...)
		for _, f := range o.Files {
			if err := p.add(dir, f); err != nil {
				return genPlan{}, err
			}
		}
	}
	return p, nil
}

// maxNamedErrors is how many blocking findings a refusal names: enough to
// start fixing, short enough for a code action's disabled reason, which
// editors show on one line. The Problems panel lists them all.
const maxNamedErrors = 3

// inputError is the refusal for blocking findings, each named as the
// command line names it (file:line:col, the file relative to its workspace
// folder): "fix these 2 errors first: a.dpl:3:9: port must be in [1,
// 65535]; Kubernetes rejects 70000; a.dpl:7:12: …".
func (s *Server) inputError(ws *analysis.Workspace, errs []rule.Diagnostic) error {
	var b strings.Builder
	if len(errs) == 1 {
		b.WriteString("fix this error first: ")
	} else {
		fmt.Fprintf(&b, "fix these %d errors first: ", len(errs))
	}
	for i, d := range errs[:min(len(errs), maxNamedErrors)] {
		if i > 0 {
			b.WriteString("; ")
		}
		line, col := ws.Position(d.Location)
		fmt.Fprintf(&b, "%s:%d:%d: %s", s.folderRelative(d.File), line, col, d.Message)
	}
	if n := len(errs) - maxNamedErrors; n > 0 {
		fmt.Fprintf(&b, "; and %d more", n)
	}
	return errors.New(b.String())
}

// folderRelative names a file by its path in the deepest workspace folder
// holding it, slash-separated, or by its base name outside every folder.
func (s *Server) folderRelative(file string) string {
	name := filepath.Base(file)
	depth := -1
	for _, f := range s.foldersNow() {
		if within(f, file) && len(f) > depth {
			if rel, err := filepath.Rel(f, file); err == nil {
				name, depth = filepath.ToSlash(rel), len(f)
			}
		}
	}
	return name
}

// add plans one file: a create (overwriting only an intact dpls file)
// followed by an insertion of the whole content, which the editor can undo.
func (p *genPlan) add(dir string, f generators.File) error {
	path := filepath.Join(dir, filepath.FromSlash(f.Path))
	existing, err := os.ReadFile(path)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read %s: %w", f.Path, err)
	}
	d := generators.Decide(f, existing, exists, false)
	switch d.Action {
	case generators.Unchanged:
		p.unchanged++
		return nil
	case generators.Refuse:
		p.refused = append(p.refused, f.Path+": "+d.Reason)
		return nil
	}
	u := fileURI(path)
	op := createFile{Kind: "create", URI: u}
	if d.Action == generators.Update {
		op.Options = &protocol.CreateFileOptions{Overwrite: true}
	}
	p.edit.DocumentChanges = append(p.edit.DocumentChanges, op, protocol.TextDocumentEdit{
		TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}},
		Edits:        []protocol.TextEdit{{NewText: string(f.Content)}},
	})
	p.files++
	return nil
}

// refusal is the reason an action that would leave files alone gives.
func (p genPlan) refusal() string {
	return "not overwriting " + strings.Join(p.refused, ", ")
}

// summary is the message shown after a generation command applied p.
func (p genPlan) summary(what string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: wrote %d file(s)", what, p.files)
	if p.unchanged > 0 {
		fmt.Fprintf(&b, ", %d already up to date", p.unchanged)
	}
	if len(p.refused) > 0 {
		fmt.Fprintf(&b, "; %s", p.refusal())
	}
	for _, n := range p.notes {
		b.WriteString("\n" + n.String())
	}
	return b.String()
}

// targetsFor are the targets that consume blocks of kind, or every default
// target when kind is "".
func targetsFor(kind string) []generators.Target {
	if kind == "" {
		return registry.Default()
	}
	return registry.ForKind(kind)
}
