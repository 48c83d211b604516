package lsp

import (
	"context"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/format"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// formatting handles textDocument/formatting. A file with a syntax error is
// never rewritten: the answer is no edits (null), not an error.
func formatting(_ context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DocumentFormattingParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	edits, err := format.Edits(doc.text, formatOptions(p.Options))
	return s.formatResult(doc, edits, err), nil
}

func formatOptions(o protocol.FormattingOptions) format.Options {
	return format.Options{IndentWidth: int(o.TabSize), UseTabs: !o.InsertSpaces}
}

// formatResult converts the formatter's edits; nil (null) when it refused.
func (s *Server) formatResult(doc *document, edits []format.Edit, err error) []protocol.TextEdit {
	if err != nil {
		s.log.Debug("not formatted", zap.String("uri", string(doc.uri)), zap.Error(err))
		return nil
	}
	m := doc.mapper()
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{
			Range:   m.Range(model.Span{Start: e.Start, End: e.End}),
			NewText: e.NewText,
		})
	}
	return out
}
