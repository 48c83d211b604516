package lsp

import (
	"context"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/semantic"
)

// semanticTokensOptions is LSP 3.16's semanticTokensProvider, which the
// vendored protocol types leave empty.
type semanticTokensOptions struct {
	Legend protocol.SemanticTokensLegend `json:"legend"`
	Full   bool                          `json:"full"`
	Range  bool                          `json:"range"`
}

// semanticLegend is package semantic's legend: its type and modifier
// numbers are the indexes used on the wire.
func semanticLegend() protocol.SemanticTokensLegend {
	l := protocol.SemanticTokensLegend{}
	for _, t := range semantic.Types {
		l.TokenTypes = append(l.TokenTypes, protocol.SemanticTokenTypes(t))
	}
	for _, m := range semantic.Modifiers {
		l.TokenModifiers = append(l.TokenModifiers, protocol.SemanticTokenModifiers(m))
	}
	return l
}

// semanticTokensFull handles textDocument/semanticTokens/full.
func semanticTokensFull(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.SemanticTokensParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	return protocol.SemanticTokens{Data: encodeTokens(doc.mapper(), semantic.Tokens(snap.ws, doc.name, nil))}, nil
}

// semanticTokensRange handles textDocument/semanticTokens/range.
func semanticTokensRange(_ context.Context, _ *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.SemanticTokensRangeParams](params)
	if err != nil {
		return nil, err
	}
	doc := snap.file(p.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	span := doc.mapper().Span(p.Range)
	return protocol.SemanticTokens{Data: encodeTokens(doc.mapper(), semantic.Tokens(snap.ws, doc.name, &span))}, nil
}

// encodeTokens writes tokens in LSP's relative encoding (five integers per
// token: line delta, start delta, length, type, modifiers), lengths in the
// client's units. A token spanning lines (a block comment) becomes one
// token per line, since clients without multilineTokenSupport require it.
func encodeTokens(m *mapper, toks []semantic.Token) []uint32 {
	data := make([]uint32, 0, 5*len(toks))
	var prevLine, prevChar uint32
	emit := func(s model.Span, t semantic.Token) {
		start, end := m.Position(s.Start), m.Position(s.End)
		if end.Character <= start.Character || end.Line != start.Line {
			return
		}
		dl, dc := start.Line-prevLine, start.Character
		if dl == 0 {
			dc = start.Character - prevChar
		}
		data = append(data, dl, dc, end.Character-start.Character, uint32(t.Type), uint32(t.Mods))
		prevLine, prevChar = start.Line, start.Character
	}
	for _, t := range toks {
		for start := t.Span.Start; start < t.Span.End; {
			line := m.line(start)
			end := min(t.Span.End, m.lineEnd(line))
			emit(model.Span{Start: start, End: end}, t)
			if line+1 >= m.lineCount() {
				break
			}
			start = m.lineStart(line + 1)
		}
	}
	return data
}
