package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// workspaceSymbol handles workspace/symbol: blocks of every file whose
// name or "kind name" contains the query, the kind as container.
func workspaceSymbol(ctx context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.WorkspaceSymbolParams](params)
	if err != nil {
		return nil, err
	}
	syms := navigation.WorkspaceSymbols(snap.ws, p.Query)
	out := make([]protocol.SymbolInformation, 0, len(syms))
	for _, ws := range syms {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out = append(out, protocol.SymbolInformation{
			Name:          ws.Name,
			Kind:          protocol.SymbolKindClass,
			Location:      snap.location(rule.Location{File: ws.File, Span: ws.Span}),
			ContainerName: ws.Kind,
		})
	}
	return out, nil
}
