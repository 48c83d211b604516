package lsp

import (
	"context"

	"github.com/segmentio/encoding/json"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/codeactions"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// codeAction handles textDocument/codeAction: the actions package
// codeactions computes for the range (the analysis's quick fixes),
// converted, then the generator actions (generateaction.go), which write
// files and so need the server's folders and the client's capabilities.
func codeAction(ctx context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.CodeActionParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	req := codeactions.Request{
		Workspace: snap.ws,
		File:      doc.name,
		Span:      doc.mapper().Span(p.Range),
		Findings:  namedFindings(p.Context.Diagnostics),
	}
	for _, k := range p.Context.Only {
		req.Only = append(req.Only, codeactions.Kind(k))
	}
	actions := codeactions.For(req)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	out := make([]any, 0, len(actions))
	for _, a := range actions {
		out = append(out, s.convertAction(snap, doc, a))
	}
	for _, a := range s.generateActions(snap, doc, req, automaticTrigger(params)) {
		out = append(out, a)
	}
	return out, nil
}

// automaticTrigger reports whether the client asked for actions on its own
// (LSP 3.17 context.triggerKind 2, VS Code's lightbulb as the cursor
// moves) rather than because the user invoked a code action command.
func automaticTrigger(params []byte) bool {
	var x struct {
		Context struct {
			TriggerKind int `json:"triggerKind"`
		} `json:"context"`
	}
	return json.Unmarshal(params, &x) == nil && x.Context.TriggerKind == 2
}

// namedFindings reads back the findings the server published, from the
// data it put on them: the client sends them in the request's context.
func namedFindings(diags []protocol.Diagnostic) []codeactions.Finding {
	var out []codeactions.Finding
	for _, d := range diags {
		var x diagnosticData
		if d.Data == nil {
			continue
		}
		if raw, err := json.Marshal(d.Data); err == nil && json.Unmarshal(raw, &x) == nil && x.Code != "" {
			out = append(out, codeactions.Finding{Code: x.Code, Span: model.Span{Start: x.Start, End: x.End}})
		}
	}
	return out
}

// convertAction converts one action; its finding goes along as the
// diagnostic it resolves.
func (s *Server) convertAction(snap *snapshot, doc *document, a codeactions.Action) protocol.CodeAction {
	ca := protocol.CodeAction{
		Title:       a.Title,
		Kind:        protocol.CodeActionKind(a.Kind),
		Edit:        snap.workspaceEdit(a.Edits),
		IsPreferred: a.Preferred,
	}
	if a.Fixes != nil {
		ca.Diagnostics = []protocol.Diagnostic{s.convertDiagnostic(snap, doc, *a.Fixes)}
	}
	return ca
}

// workspaceEdit converts analysis edits, which may touch several files.
func (s *snapshot) workspaceEdit(edits []rule.TextEdit) *protocol.WorkspaceEdit {
	changes := map[protocol.DocumentURI][]protocol.TextEdit{}
	for _, e := range edits {
		loc := s.location(e.Location)
		changes[loc.URI] = append(changes[loc.URI], protocol.TextEdit{Range: loc.Range, NewText: e.NewText})
	}
	return &protocol.WorkspaceEdit{Changes: changes}
}
