package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// wireAction is a code action as sent: protocol.CodeAction lacks LSP 3.16
// `disabled`, and its WorkspaceEdit cannot hold create operations.
type wireAction struct {
	Title       string                  `json:"title"`
	Kind        protocol.CodeActionKind `json:"kind"`
	IsPreferred bool                    `json:"isPreferred"`
	Diagnostics []protocol.Diagnostic   `json:"diagnostics"`
	Disabled    *struct {
		Reason string `json:"reason"`
	} `json:"disabled"`
	Edit *wireEdit `json:"edit"`
}

type wireEdit struct {
	Changes         map[protocol.DocumentURI][]protocol.TextEdit `json:"changes"`
	DocumentChanges []json.RawMessage                            `json:"documentChanges"`
}

// documentChanges renders create operations and text document edits: a
// created file by path and options, an edit by its range, size and first
// line (the generators' own goldens hold the content).
func (mc *markerCase) documentChanges(changes []json.RawMessage) string {
	var b strings.Builder
	for _, raw := range changes {
		var op struct {
			Kind    string               `json:"kind"`
			URI     protocol.DocumentURI `json:"uri"`
			Options *struct {
				Overwrite bool `json:"overwrite"`
			} `json:"options"`
			TextDocument *struct {
				URI     protocol.DocumentURI `json:"uri"`
				Version *int32               `json:"version"`
			} `json:"textDocument"`
			Edits []protocol.TextEdit `json:"edits"`
		}
		if err := json.Unmarshal(raw, &op); err != nil {
			mc.t.Fatalf("documentChanges entry %s: %v", raw, err)
		}
		switch {
		case op.Kind == "create":
			fmt.Fprintf(&b, "create %s overwrite=%v\n", mc.file(op.URI), op.Options != nil && op.Options.Overwrite)
		case op.TextDocument != nil:
			for _, e := range op.Edits {
				first, _, _ := strings.Cut(e.NewText, "\n")
				r := e.Range
				fmt.Fprintf(&b, "  edit %s version=%v %d:%d-%d:%d: %d lines, first %q\n", mc.file(op.TextDocument.URI),
					deref(op.TextDocument.Version), r.Start.Line, r.Start.Character, r.End.Line, r.End.Character,
					strings.Count(e.NewText, "\n"), first)
			}
		default:
			mc.t.Fatalf("unexpected documentChanges entry %s", raw)
		}
	}
	return b.String()
}

// lens renders the code lenses of a file.
func (mc *markerCase) lens(m marker) string {
	var lenses []protocol.CodeLens
	mc.c.mustCall("textDocument/codeLens", mc.docParams(m), &lenses)
	var b strings.Builder
	for _, l := range lenses {
		args, err := json.Marshal(l.Command.Arguments)
		if err != nil {
			mc.t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %q %s %s\n", mc.rng(m.file, l.Range), l.Command.Title, l.Command.Command,
			strings.ReplaceAll(string(args), string(mc.uri(""))+"/", ""))
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}
