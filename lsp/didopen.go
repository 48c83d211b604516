package lsp

import (
	"bytes"
	"context"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// didOpen handles textDocument/didOpen: the editor's text now wins over the
// disk's for this file.
func didOpen(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DidOpenTextDocumentParams](params)
	if err != nil {
		return nil, err
	}
	item := p.TextDocument
	s.openDocument(item.URI, item.Version, []byte(item.Text))
	return nil, nil
}

// openDocument installs text as the open version of u, reusing the parse of
// the disk text when the editor opens an unmodified file.
func (s *Server) openDocument(u protocol.DocumentURI, version int32, text []byte) {
	name := fileName(u)
	s.update(func(cur *snapshot) *snapshot {
		doc := newDocument(name, u, text, s.client.enc)
		doc.open, doc.version = true, version
		ws := cur.ws
		if old := cur.docs[name]; old == nil || !bytes.Equal(old.text, text) {
			ws = ws.SetFile(name, text)
		}
		return cur.with(ws, name, doc)
	})
	s.log.Debug("opened", zap.String("uri", string(u)), zap.Int32("version", version), zap.Int("bytes", len(text)))
	s.pub.changed(name)
}
