package analysis

import (
	"sort"
	"sync"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/grammar"
)

// Workspace is an immutable snapshot of every DPL file of a workspace.
type Workspace struct {
	config Config
	files  map[string]*fileState

	groups *groupCache

	once  sync.Once
	index *rule.Index
	diags map[string][]rule.Diagnostic
}

// fileState is one file of a snapshot. Its document (where the file's
// parts start) is what the next snapshot's incremental parse starts from.
type fileState struct {
	model *model.File
	doc   *grammar.Document
	diags blockDiags
}

// New returns an empty workspace with the given configuration.
func New(cfg Config) *Workspace {
	return &Workspace{config: cfg, files: map[string]*fileState{}, groups: newGroupCache()}
}

// derive starts the next snapshot with the same files.
func (w *Workspace) derive() *Workspace {
	files := make(map[string]*fileState, len(w.files))
	for k, v := range w.files {
		files[k] = v
	}
	return &Workspace{config: w.config, files: files, groups: w.groups}
}

// SetFile returns a snapshot where file name has the text src, parsed from
// scratch (blocks whose text is unchanged keep their model).
func (w *Workspace) SetFile(name string, src []byte) *Workspace {
	next := w.derive()
	m, doc := model.Build(name, src, w.prevModel(name))
	next.files[name] = newFileState(m, doc, w.files[name])
	return next
}

// EditFile returns a snapshot where file name has the text next, reached
// from its current text by edits (in order); only the blocks the edits
// touched are parsed and converted again. A file not yet in the workspace
// is parsed from scratch.
func (w *Workspace) EditFile(name string, next []byte, edits []grammar.Edit) *Workspace {
	cur, ok := w.files[name]
	if !ok || cur.doc == nil || len(edits) == 0 {
		return w.SetFile(name, next)
	}
	r := grammar.Cover(edits)
	m, doc := model.Rebuild(name, next, cur.model, cur.doc, r.Start, r.OldEnd, r.NewEnd)
	snap := w.derive()
	snap.files[name] = newFileState(m, doc, cur)
	return snap
}

// RemoveFile returns a snapshot without file name.
func (w *Workspace) RemoveFile(name string) *Workspace {
	if _, ok := w.files[name]; !ok {
		return w
	}
	next := w.derive()
	delete(next.files, name)
	return next
}

// WithConfig returns a snapshot with another configuration.
func (w *Workspace) WithConfig(cfg Config) *Workspace {
	next := w.derive()
	next.config = cfg
	return next
}

// Config returns the snapshot's configuration.
func (w *Workspace) Config() Config { return w.config }

func (w *Workspace) prevModel(name string) *model.File {
	if cur, ok := w.files[name]; ok {
		return cur.model
	}
	return nil
}

// Files returns the names of all files, sorted.
func (w *Workspace) Files() []string {
	names := make([]string, 0, len(w.files))
	for n := range w.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Position is where loc starts as compilers print it, and as the command
// line and the editor name a finding that stops generation: the 1-based
// line and the 1-based column in bytes. It is 0, 0 when the workspace does
// not hold the file.
func (w *Workspace) Position(loc rule.Location) (line, col int) {
	f := w.File(loc.File)
	if f == nil {
		return 0, 0
	}
	p := grammar.PointAt(f.Src, min(loc.Span.Start, len(f.Src)))
	return int(p.Row) + 1, int(p.Column) + 1
}

// File returns the model of one file, or nil.
func (w *Workspace) File(name string) *model.File {
	if f, ok := w.files[name]; ok {
		return f.model
	}
	return nil
}

// Index returns every block of the workspace by kind and name.
func (w *Workspace) Index() *rule.Index {
	w.analyze()
	return w.index
}

// Diagnostics returns the findings for one file, configuration and inline
// suppressions applied, sorted by position.
func (w *Workspace) Diagnostics(name string) []rule.Diagnostic {
	w.analyze()
	return w.diags[name]
}

// AllDiagnostics returns the findings of every file, by file name.
func (w *Workspace) AllDiagnostics() map[string][]rule.Diagnostic {
	w.analyze()
	return w.diags
}
