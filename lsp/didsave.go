package lsp

import (
	"bytes"
	"context"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// didSave handles textDocument/didSave. The server does not ask for the
// text (save.includeText is false): the open buffer already is what was
// saved. A client that sends the text anyway is trusted over a buffer that
// drifted from it.
func didSave(_ context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DidSaveTextDocumentParams](params)
	if err != nil || p.Text == "" {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil || !doc.open || bytes.Equal(doc.text, []byte(p.Text)) {
		return nil, nil
	}
	s.log.Warn("saved text differs from the open buffer: resynchronizing", zap.String("uri", string(p.TextDocument.URI)))
	s.openDocument(doc.uri, doc.version, []byte(p.Text))
	return nil, nil
}
