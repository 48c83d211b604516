package lsp

import (
	"bytes"
	"context"
	"os"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// didClose handles textDocument/didClose. A file of a workspace folder goes
// back to its text on disk and stays analyzed; any other file leaves the
// workspace, and the publisher clears its diagnostics.
func didClose(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DidCloseTextDocumentParams](params)
	if err != nil {
		return nil, err
	}
	name := fileName(p.TextDocument.URI)
	disk, onDisk := []byte(nil), false
	if s.inFolders(name) {
		if b, err := os.ReadFile(name); err == nil {
			disk, onDisk = b, true
		}
	}
	s.update(func(cur *snapshot) *snapshot {
		old := cur.docs[name]
		if old == nil {
			return nil
		}
		if !onDisk {
			return cur.with(cur.ws.RemoveFile(name), name, nil)
		}
		ws := cur.ws
		if !bytes.Equal(old.text, disk) {
			ws = ws.SetFile(name, disk)
		}
		return cur.with(ws, name, newDocument(name, old.uri, disk, s.client.enc))
	})
	s.log.Debug("closed", zap.String("uri", string(p.TextDocument.URI)), zap.Bool("on disk", onDisk))
	s.pub.changed(name)
	return nil, nil
}
