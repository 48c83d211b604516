package lsp

import (
	"slices"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// clientInfo is what the server needs to know of the client's
// capabilities, read once from initialize.
type clientInfo struct {
	enc              encoding
	workDoneProgress bool // window.workDoneProgress
	watchDynamic     bool // workspace.didChangeWatchedFiles.dynamicRegistration
	watchRelative    bool // workspace.didChangeWatchedFiles.relativePatternSupport
	configuration    bool // workspace.configuration (pull)

	snippets        bool // completion.completionItem.snippetSupport
	completionPlain bool // completion documentation: the client lists formats without markdown
	hoverPlain      bool // hover.contentFormat lists formats without markdown
	flatSymbols     bool // no documentSymbol.hierarchicalDocumentSymbolSupport

	// createFiles: workspace edits may hold documentChanges with create
	// operations (workspace.workspaceEdit documentChanges and
	// resourceOperations "create"); generation needs both.
	createFiles bool
}

// initializeExtras are the initialize fields newer than the vendored
// protocol types (LSP 3.17), decoded from the same params a second time.
type initializeExtras struct {
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
	} `json:"capabilities"`
}

func readClientInfo(p protocol.InitializeParams, x initializeExtras) clientInfo {
	c := clientInfo{enc: utf16}
	if slices.Contains(x.Capabilities.General.PositionEncodings, "utf-8") {
		c.enc = utf8Bytes
	}
	caps := p.Capabilities
	if w := caps.Window; w != nil {
		c.workDoneProgress = w.WorkDoneProgress
	}
	if w := caps.Workspace; w != nil {
		c.configuration = w.Configuration
		c.watchDynamic = w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration
		c.watchRelative = c.watchDynamic && w.DidChangeWatchedFiles.RelativePatternSupport
		if e := w.WorkspaceEdit; e != nil {
			c.createFiles = e.DocumentChanges && slices.Contains(e.ResourceOperations, "create")
		}
	}
	if td := caps.TextDocument; td != nil {
		if cc := td.Completion; cc != nil && cc.CompletionItem != nil {
			c.snippets = cc.CompletionItem.SnippetSupport
			c.completionPlain = plainOnly(cc.CompletionItem.DocumentationFormat)
		}
		if h := td.Hover; h != nil {
			c.hoverPlain = plainOnly(h.ContentFormat)
		}
		c.flatSymbols = td.DocumentSymbol == nil || !td.DocumentSymbol.HierarchicalDocumentSymbolSupport
	} else {
		c.flatSymbols = true
	}
	return c
}

// plainOnly reports whether a client's list of markup formats excludes
// markdown; an absent list means the client did not say, and every client
// in use renders markdown.
func plainOnly(formats []protocol.MarkupKind) bool {
	return len(formats) > 0 && !slices.Contains(formats, protocol.Markdown)
}

// serverCapabilities adds the LSP 3.17 positionEncoding field to the
// vendored type.
type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding  string `json:"positionEncoding"`
	InlayHintProvider bool   `json:"inlayHintProvider"`
}

// capabilities is what the server implements, and only that: a feature is
// advertised here in the same change that adds its method to the table.
func capabilities(c clientInfo) serverCapabilities {
	return serverCapabilities{
		PositionEncoding:  c.enc.String(),
		InlayHintProvider: true,
		ServerCapabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindIncremental,
				Save:      &protocol.SaveOptions{IncludeText: false},
			},
			CompletionProvider: &protocol.CompletionOptions{
				ResolveProvider:   true,
				TriggerCharacters: completionTriggers,
			},
			HoverProvider:             true,
			DefinitionProvider:        true,
			ReferencesProvider:        true,
			DocumentHighlightProvider: true,
			DocumentSymbolProvider:    true,
			WorkspaceSymbolProvider:   true,
			RenameProvider:            &protocol.RenameOptions{PrepareProvider: true},
			FoldingRangeProvider:      true,
			SelectionRangeProvider:    true,
			SemanticTokensProvider:    semanticTokensOptions{Legend: semanticLegend(), Full: true, Range: true},
			CodeActionProvider: protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, protocol.CodeActionKind(generateKind)},
			},
			CodeLensProvider:                &protocol.CodeLensOptions{},
			ExecuteCommandProvider:          &protocol.ExecuteCommandOptions{Commands: []string{cmdGenerate, cmdGenerateWorkspace}},
			DocumentFormattingProvider:      true,
			DocumentRangeFormattingProvider: true,
			Workspace: &protocol.ServerCapabilitiesWorkspace{
				WorkspaceFolders: &protocol.ServerCapabilitiesWorkspaceFolders{Supported: true, ChangeNotifications: true},
			},
		},
	}
}
