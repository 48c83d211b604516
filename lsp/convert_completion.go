package lsp

import (
	"regexp"
	"strings"

	"github.com/dpls-dev/dpls/completion"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// convertCompletion converts one proposal, without its documentation
// (completionItem/resolve adds it). The insertion is a text edit over the
// proposal's replace span, so that typing `ret` and picking `retry`
// replaces the partial word; snippets become plain text for clients that
// do not support them.
func (s *Server) convertCompletion(doc *document, it completion.Item) protocol.CompletionItem {
	text, format := it.Insert, protocol.InsertTextFormatPlainText
	if it.Snippet {
		if s.client.snippets {
			format = protocol.InsertTextFormatSnippet
		} else {
			text = stripSnippet(text)
		}
	}
	return protocol.CompletionItem{
		Label:            it.Label,
		Kind:             completionKind(it.Kind),
		Detail:           it.Detail,
		SortText:         it.Sort,
		InsertTextFormat: format,
		TextEdit:         &protocol.TextEdit{Range: doc.mapper().Range(it.Replace), NewText: text},
	}
}

// completionKind maps dpls's proposal kinds to the LSP kinds editors draw
// icons for.
func completionKind(k completion.ItemKind) protocol.CompletionItemKind {
	switch k {
	case completion.KindBlock:
		return protocol.CompletionItemKindClass
	case completion.KindKey:
		return protocol.CompletionItemKindProperty
	case completion.KindEnum:
		return protocol.CompletionItemKindEnumMember
	case completion.KindReference:
		return protocol.CompletionItemKindReference
	case completion.KindName:
		return protocol.CompletionItemKindModule
	}
	return protocol.CompletionItemKindValue
}

var (
	snippetPlaceholder = regexp.MustCompile(`\$\{\d+:((?:\\.|[^}\\])*)\}`) // an escaped \} does not end it
	snippetTabStop     = regexp.MustCompile(`\$(\d+|\{\d+\})`)
)

// stripSnippet turns a snippet into the text it inserts with every
// placeholder at its default: `${1:3}` becomes `3`, `$0` disappears.
func stripSnippet(s string) string {
	s = snippetPlaceholder.ReplaceAllString(s, "$1")
	s = snippetTabStop.ReplaceAllString(s, "")
	return snippetEscapes.Replace(s)
}

// snippetEscapes undoes the escapes of snippet syntax: `\$`, `\}`, `\\`.
var snippetEscapes = strings.NewReplacer(`\$`, `$`, `\}`, `}`, `\\`, `\`)

// markup is markdown for clients that render it, the same text otherwise
// (dpls's markdown reads well as plain text).
func (s *Server) markup(md string, plain bool) protocol.MarkupContent {
	if plain {
		return protocol.MarkupContent{Kind: protocol.PlainText, Value: md}
	}
	return protocol.MarkupContent{Kind: protocol.Markdown, Value: md}
}
