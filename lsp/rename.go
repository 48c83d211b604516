package lsp

import (
	"context"

	"go.lsp.dev/jsonrpc2"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// codeRequestFailed is LSP 3.17's RequestFailed: the request was valid but
// cannot be carried out (a rename that would merge two services).
const codeRequestFailed jsonrpc2.Code = -32803

// rename handles textDocument/rename: every occurrence in every file. A
// rename navigation refuses (a conflict, an invalid name, nothing to
// rename) is answered with RequestFailed and navigation's reason, which
// editors show to the user.
func rename(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.RenameParams](params)
	if err != nil {
		return nil, err
	}
	doc, off := snap.at(p.TextDocumentPositionParams)
	if doc == nil {
		return nil, nil
	}
	edits, err := navigation.Rename(snap.ws, doc.name, off, p.NewName)
	if err != nil {
		return nil, jsonrpc2.NewError(codeRequestFailed, err.Error())
	}
	te := make([]rule.TextEdit, 0, len(edits))
	for _, e := range edits {
		te = append(te, rule.TextEdit{Location: rule.Location{File: e.File, Span: e.Span}, NewText: e.NewText})
	}
	return snap.workspaceEdit(te), nil
}
