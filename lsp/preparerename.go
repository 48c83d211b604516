package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// prepareRenameResult is LSP's `{ range, placeholder }` answer.
type prepareRenameResult struct {
	Range       protocol.Range `json:"range"`
	Placeholder string         `json:"placeholder"`
}

// prepareRename handles textDocument/prepareRename: the name a rename at
// the cursor would change, or null where nothing can be renamed.
func prepareRename(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.PrepareRenameParams](params)
	if err != nil {
		return nil, err
	}
	doc, off := snap.at(p.TextDocumentPositionParams)
	if doc == nil {
		return nil, nil
	}
	span, text, ok := navigation.PrepareRename(snap.ws, doc.name, off)
	if !ok {
		return nil, nil
	}
	return prepareRenameResult{Range: doc.mapper().Range(span), Placeholder: text}, nil
}
