package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// selectionRange handles textDocument/selectionRange: for each position,
// the chain of ever larger syntax ranges around it, as nested parents.
func selectionRange(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.SelectionRangeParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	m := doc.mapper()
	offsets := make([]int, len(p.Positions))
	for i, pos := range p.Positions {
		offsets[i] = m.Offset(pos)
	}
	chains := navigation.SelectionRanges(snap.ws.File(doc.name), offsets)
	out := make([]protocol.SelectionRange, len(chains))
	for i, chain := range chains {
		if len(chain) == 0 { // LSP wants one answer per position: the position itself
			r := m.Range(spanAt(offsets[i]))
			out[i] = protocol.SelectionRange{Range: r}
			continue
		}
		var parent *protocol.SelectionRange
		for j := len(chain) - 1; j > 0; j-- {
			parent = &protocol.SelectionRange{Range: m.Range(chain[j]), Parent: parent}
		}
		out[i] = protocol.SelectionRange{Range: m.Range(chain[0]), Parent: parent}
	}
	return out, nil
}
