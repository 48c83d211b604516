package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/inlay"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// inlayHintParams and inlayHint are LSP 3.17's textDocument/inlayHint
// types, which the vendored protocol (3.16) lacks. Only what dpls sends is
// defined: a plain label (no label parts), no kind (dpls's hints are
// neither types nor parameter names), a tooltip, and left padding so the
// hint does not touch the value it follows.
type inlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

type inlayHint struct {
	Position    protocol.Position `json:"position"`
	Label       string            `json:"label"`
	Tooltip     string            `json:"tooltip,omitempty"`
	PaddingLeft bool              `json:"paddingLeft,omitempty"`
}

// inlayHintHandler handles textDocument/inlayHint for the visible range.
func inlayHintHandler(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[inlayHintParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	m := doc.mapper()
	hints := inlay.Hints(snap.ws, doc.name, m.Span(p.Range))
	out := make([]inlayHint, 0, len(hints))
	for _, h := range hints {
		out = append(out, inlayHint{Position: m.Position(h.Offset), Label: h.Label, Tooltip: h.Tooltip, PaddingLeft: true})
	}
	return out, nil
}
