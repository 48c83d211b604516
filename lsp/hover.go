package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/hover"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// hoverHandler handles textDocument/hover; nothing to say is a null result.
func hoverHandler(_ context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.HoverParams](params)
	if err != nil {
		return nil, err
	}
	doc, off := snap.at(p.TextDocumentPositionParams)
	if doc == nil {
		return nil, nil
	}
	h, ok := hover.AtIn(snap.ws, s.foldersNow(), doc.name, off)
	if !ok {
		return nil, nil
	}
	r := doc.mapper().Range(h.Span)
	return protocol.Hover{Contents: s.markup(h.Markdown, s.client.hoverPlain), Range: &r}, nil
}
