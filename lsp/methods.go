package lsp

// methods is the method table: every LSP method the server answers, and
// nothing else (an unknown request gets MethodNotFound, an unknown
// notification is dropped). Adding a method is one line here and one file
// holding its handler; capabilities.go advertises it.
var methods = map[string]method{
	// Lifecycle.
	"initialize":      {run: initialize, inline: true},
	"initialized":     {run: initialized},
	"shutdown":        {run: shutdown, inline: true},
	"exit":            {run: exit},
	"$/setTrace":      {run: setTrace},
	"$/cancelRequest": {run: cancelRequest},

	// Text synchronization.
	"textDocument/didOpen":   {run: didOpen},
	"textDocument/didChange": {run: didChange},
	"textDocument/didSave":   {run: didSave},
	"textDocument/didClose":  {run: didClose},

	// Workspace.
	"workspace/didChangeWatchedFiles":     {run: didChangeWatchedFiles},
	"workspace/didChangeConfiguration":    {run: didChangeConfiguration},
	"workspace/didChangeWorkspaceFolders": {run: didChangeWorkspaceFolders},

	// Features.
	"textDocument/completion":           {run: completionHandler},
	"completionItem/resolve":            {run: completionResolve},
	"textDocument/hover":                {run: hoverHandler},
	"textDocument/definition":           {run: definition},
	"textDocument/references":           {run: references},
	"textDocument/documentHighlight":    {run: documentHighlight},
	"textDocument/prepareRename":        {run: prepareRename},
	"textDocument/rename":               {run: rename},
	"textDocument/documentSymbol":       {run: documentSymbol},
	"workspace/symbol":                  {run: workspaceSymbol},
	"textDocument/foldingRange":         {run: foldingRange},
	"textDocument/selectionRange":       {run: selectionRange},
	"textDocument/semanticTokens/full":  {run: semanticTokensFull},
	"textDocument/semanticTokens/range": {run: semanticTokensRange},
	"textDocument/inlayHint":            {run: inlayHintHandler},
	"textDocument/codeAction":           {run: codeAction},
	"textDocument/codeLens":             {run: codeLens},
	"workspace/executeCommand":          {run: executeCommand},
	"textDocument/formatting":           {run: formatting},
	"textDocument/rangeFormatting":      {run: rangeFormatting},
}
