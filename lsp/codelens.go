package lsp

import (
	"context"
	"strings"

	"github.com/dpls-dev/dpls/generators/registry"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// codeLens handles textDocument/codeLens: above each named block some
// target consumes, "Generate: kubernetes · prometheus · istio", running
// dpls.generate for the block's kind. Lenses come with their command (no
// resolve step): listing targets costs nothing, generation runs only when
// the user clicks.
func codeLens(ctx context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.CodeLensParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	f := snap.ws.File(doc.name)
	out := []protocol.CodeLens{}
	if f == nil {
		return out, nil
	}
	for _, b := range f.Blocks {
		ts := registry.ForKind(b.Kind.Text)
		if b.Name.Text == "" || len(ts) == 0 {
			continue
		}
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = t.Name
		}
		out = append(out, protocol.CodeLens{
			Range: doc.mapper().Range(spanAt(b.Start)),
			Command: &protocol.Command{
				Title:     "Generate: " + strings.Join(names, " · "),
				Command:   cmdGenerate,
				Arguments: []any{generateArgs{URI: doc.uri, Service: b.Name.Text, Kind: b.Kind.Text}},
			},
		})
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return out, nil
}
