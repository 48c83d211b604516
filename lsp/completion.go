package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/completion"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// completionTriggers are the characters after which the editor asks for
// completion unprompted: after `key:` comes a value, and after an opening
// quote an enum member, a duration or a name.
var completionTriggers = []string{":", `"`}

// completionData rides on every item so that completionItem/resolve can
// find it again: the documentation is sent only for the item the user
// looks at.
type completionData struct {
	URI    protocol.DocumentURI `json:"uri"`
	Offset int                  `json:"offset"`
}

// completionHandler handles textDocument/completion.
func completionHandler(ctx context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.CompletionParams](params)
	if err != nil {
		return nil, err
	}
	doc, off := snap.at(p.TextDocumentPositionParams)
	if doc == nil {
		return nil, nil
	}
	items := completion.At(snap.ws, doc.name, off)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	out := protocol.CompletionList{Items: make([]protocol.CompletionItem, 0, len(items))}
	data := completionData{URI: doc.uri, Offset: off}
	for _, it := range items {
		ci := s.convertCompletion(doc, it)
		ci.Data = data
		out.Items = append(out.Items, ci)
	}
	return out, nil
}
