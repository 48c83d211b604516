package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// foldingRange handles textDocument/foldingRange. Ranges are whole lines
// (every client folds lines): a block or object folds up to the line
// before its closing bracket, so the bracket stays visible; a comment
// folds to its last line.
func foldingRange(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.FoldingRangeParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	m := doc.mapper()
	out := []protocol.FoldingRange{}
	for _, f := range navigation.FoldingRanges(snap.ws.File(doc.name)) {
		start := m.line(f.Span.Start)
		last := m.line(max(f.Span.End-1, f.Span.Start))
		kind := protocol.CommentFoldingRange
		if f.Kind == navigation.FoldRegion {
			kind = protocol.RegionFoldingRange
			last-- // keep the closing bracket's line
		}
		if last > start {
			out = append(out, protocol.FoldingRange{StartLine: uint32(start), EndLine: uint32(last), Kind: kind})
		}
	}
	return out, nil
}
