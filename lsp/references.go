package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// references handles textDocument/references across the workspace.
func references(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.ReferenceParams](params)
	if err != nil {
		return nil, err
	}
	doc, off := snap.at(p.TextDocumentPositionParams)
	if doc == nil {
		return nil, nil
	}
	return snap.locations(navigation.References(snap.ws, doc.name, off, p.Context.IncludeDeclaration)), nil
}
