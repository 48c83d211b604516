package lsp

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// at resolves a text document position against the snapshot: the document
// and the byte offset. A document the server does not know answers nil,
// which handlers turn into a null result, not an error: the client may
// ask about a file it has just closed.
func (s *snapshot) at(p protocol.TextDocumentPositionParams) (*document, int) {
	doc := s.file(p.TextDocument.URI)
	if doc == nil {
		return nil, 0
	}
	return doc, doc.mapper().Offset(p.Position)
}

// spanAt is the empty span at offset.
func spanAt(offset int) model.Span { return model.Span{Start: offset, End: offset} }
