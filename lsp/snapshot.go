package lsp

import (
	"maps"
	"net/url"
	"path/filepath"
	"sync"
	"weak"

	"go.lsp.dev/uri"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// snapshot is an immutable view of the workspace: the analysis snapshot and
// the text of every file in it, each file either open in the editor (the
// editor's text and version win) or read from disk. A change produces a new
// snapshot; handlers keep the one they started with and never see a later
// change halfway.
type snapshot struct {
	seq  uint64
	ws   *analysis.Workspace
	docs map[string]*document // by analysis file name; exactly the files of ws
}

// document is one version of one file.
type document struct {
	name    string // the analysis file name: a path for file URIs
	uri     protocol.DocumentURI
	text    []byte
	open    bool
	version int32 // the editor's version; meaningful when open

	once sync.Once
	m    *mapper // built on first use unless given
	enc  encoding

	// from and change say how this version came from the previous one by
	// incremental edits, so that the publisher need not compare the texts
	// to find what an edit moved (diagcache.go). The pointer is weak: a
	// version must not keep every version before it alive.
	from   weak.Pointer[document]
	change grammar.Replacement
}

func newDocument(name string, u protocol.DocumentURI, text []byte, enc encoding) *document {
	return &document{name: name, uri: u, text: text, enc: enc}
}

// mapper returns the position mapper of this version, building its line
// index on first use (files read from disk may never need one).
func (d *document) mapper() *mapper {
	d.once.Do(func() {
		if d.m == nil {
			d.m = newMapper(d.text, d.enc)
		}
	})
	return d.m
}

// withMapper presets the mapper (an edit already spliced it).
func (d *document) withMapper(m *mapper) *document {
	d.m = m
	return d
}

// editedFrom records that d is prev changed by ch (d is not shared yet).
func (d *document) editedFrom(prev *document, ch grammar.Replacement) *document {
	d.from, d.change = weak.Make(prev), ch
	return d
}

// changeFrom returns how d's text came from prev's, when the versions
// between them (at most a few: those of one debounce interval) record it
// and are still alive.
func (d *document) changeFrom(prev *document) (grammar.Replacement, bool) {
	var steps [16]grammar.Replacement // newest first
	cur := d
	for n := 0; n < len(steps); n++ {
		from := cur.from.Value()
		if from == nil {
			return grammar.Replacement{}, false
		}
		steps[n] = cur.change
		if from == prev {
			ch := steps[n]
			for i := n - 1; i >= 0; i-- {
				ch = ch.Then(steps[i])
			}
			return ch, true
		}
		cur = from
	}
	return grammar.Replacement{}, false
}

// file returns the document of a URI, or nil.
func (s *snapshot) file(u protocol.DocumentURI) *document {
	return s.docs[fileName(u)]
}

// with returns a copy of s where ws replaced and name's document is doc (or
// removed when doc is nil).
func (s *snapshot) with(ws *analysis.Workspace, name string, doc *document) *snapshot {
	docs := maps.Clone(s.docs)
	if doc == nil {
		delete(docs, name)
	} else {
		docs[name] = doc
	}
	return &snapshot{ws: ws, docs: docs}
}

// fileName is the analysis name of a URI: the file path for file: URIs,
// the URI itself otherwise (untitled: buffers).
func fileName(u protocol.DocumentURI) string {
	p, err := url.Parse(string(u))
	if err != nil || p.Scheme != uri.FileScheme {
		return string(u)
	}
	path := p.Path
	if len(path) >= 3 && path[0] == '/' && path[2] == ':' { // /C:/… on Windows
		path = path[1:]
	}
	return filepath.Clean(filepath.FromSlash(path))
}

// fileURI is the URI of a file found on disk.
func fileURI(path string) protocol.DocumentURI { return uri.File(path) }

// uriOf returns the URI under which name is known in s, for locations in
// other files (related information, multi-file edits).
func (s *snapshot) uriOf(name string) protocol.DocumentURI {
	if d, ok := s.docs[name]; ok {
		return d.uri
	}
	if filepath.IsAbs(name) {
		return fileURI(name)
	}
	return protocol.DocumentURI(name)
}

// update applies fn to the current snapshot under the write lock and
// installs the result (when fn returns a new one). It returns the
// installed snapshot, or nil.
func (s *Server) update(fn func(cur *snapshot) *snapshot) *snapshot {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	cur := s.cur.Load()
	next := fn(cur)
	if next == nil || next == cur { // nothing changed; cur is shared, never touched
		return nil
	}
	next.seq = cur.seq + 1
	s.cur.Store(next)
	return next
}
