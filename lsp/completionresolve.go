package lsp

import (
	"context"

	"github.com/segmentio/encoding/json"

	"github.com/dpls-dev/dpls/completion"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// completionResolve handles completionItem/resolve: it adds the item's
// documentation. The proposals are computed again at the item's position
// in the current snapshot and the item is found by label and kind; an item
// that no longer exists there comes back unchanged.
func completionResolve(_ context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	item, err := decode[protocol.CompletionItem](params)
	if err != nil {
		return nil, err
	}
	var data completionData
	raw, err := json.Marshal(item.Data)
	if err != nil || json.Unmarshal(raw, &data) != nil || data.URI == "" {
		return item, nil
	}
	doc := snap.file(data.URI)
	if doc == nil {
		return item, nil
	}
	for _, it := range completion.At(snap.ws, doc.name, data.Offset) {
		if it.Label == item.Label && completionKind(it.Kind) == item.Kind {
			if it.Doc != "" {
				item.Documentation = s.markup(it.Doc, s.client.completionPlain)
			}
			break
		}
	}
	return item, nil
}
