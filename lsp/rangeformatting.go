package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/format"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// rangeFormatting handles textDocument/rangeFormatting: the top-level
// blocks the range touches are formatted, the rest of the file is left
// alone.
func rangeFormatting(_ context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DocumentRangeFormattingParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	span := doc.mapper().Span(p.Range)
	edits, err := format.Range(doc.text, span.Start, span.End, formatOptions(p.Options))
	return s.formatResult(doc, edits, err), nil
}
