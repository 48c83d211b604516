package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// documentHighlight handles textDocument/documentHighlight: the
// occurrences of the name under the cursor in this file, declarations
// marked as writes so editors tell them apart.
func documentHighlight(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DocumentHighlightParams](params)
	if err != nil {
		return nil, err
	}
	doc, off := snap.at(p.TextDocumentPositionParams)
	if doc == nil {
		return nil, nil
	}
	occs := navigation.Highlights(snap.ws, doc.name, off)
	out := make([]protocol.DocumentHighlight, 0, len(occs))
	for _, o := range occs {
		kind := protocol.DocumentHighlightKindRead
		if o.Def {
			kind = protocol.DocumentHighlightKindWrite
		}
		out = append(out, protocol.DocumentHighlight{Range: doc.mapper().Range(o.Span), Kind: kind})
	}
	return out, nil
}
