package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// documentSymbol handles textDocument/documentSymbol: the outline (kinds →
// blocks → keys) as a tree, or flattened with container names for clients
// without hierarchical support.
func documentSymbol(_ context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DocumentSymbolParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	outline := navigation.DocumentSymbols(snap.ws, doc.name)
	if s.client.flatSymbols {
		out := []protocol.SymbolInformation{}
		flattenSymbols(doc, outline, "", &out)
		return out, nil
	}
	return convertSymbols(doc, outline), nil
}

func convertSymbols(doc *document, syms []navigation.DocSymbol) []protocol.DocumentSymbol {
	out := make([]protocol.DocumentSymbol, 0, len(syms))
	m := doc.mapper()
	for _, ds := range syms {
		out = append(out, protocol.DocumentSymbol{
			Name:           ds.Name,
			Detail:         ds.Detail,
			Kind:           outlineKind(ds.Kind),
			Range:          m.Range(ds.Span),
			SelectionRange: m.Range(ds.Selection),
			Children:       convertSymbols(doc, ds.Children),
		})
	}
	return out
}

func flattenSymbols(doc *document, syms []navigation.DocSymbol, container string, out *[]protocol.SymbolInformation) {
	for _, ds := range syms {
		*out = append(*out, protocol.SymbolInformation{
			Name:          ds.Name,
			Kind:          outlineKind(ds.Kind),
			Location:      protocol.Location{URI: doc.uri, Range: doc.mapper().Range(ds.Span)},
			ContainerName: container,
		})
		flattenSymbols(doc, ds.Children, ds.Name, out)
	}
}

// outlineKind picks the LSP symbol kinds editors draw fitting icons for.
func outlineKind(k navigation.OutlineKind) protocol.SymbolKind {
	switch k {
	case navigation.OutlineKindGroup:
		return protocol.SymbolKindNamespace
	case navigation.OutlineBlock:
		return protocol.SymbolKindClass
	case navigation.OutlineObject:
		return protocol.SymbolKindObject
	case navigation.OutlineArray:
		return protocol.SymbolKindArray
	}
	return protocol.SymbolKindProperty
}
