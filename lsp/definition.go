package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// definition handles textDocument/definition: where the name under the
// cursor is declared, in any file of the workspace.
func definition(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DefinitionParams](params)
	if err != nil {
		return nil, err
	}
	doc, off := snap.at(p.TextDocumentPositionParams)
	if doc == nil {
		return nil, nil
	}
	return snap.locations(navigation.Definition(snap.ws, doc.name, off)), nil
}
