package lsp

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/semantic"
)

// run sends the request of one marker and records its rendered answer.
func (mc *markerCase) run(m marker) {
	mc.t.Helper()
	if m.method == "diag" {
		return // checked with the diagnostics
	}
	if m.name() == "" {
		mc.t.Fatalf("%s: marker %s needs a name", m.file, m.method)
	}
	render, ok := markerMethods[m.method]
	if !ok {
		mc.t.Fatalf("%s: unknown marker method %s", m.file, m.method)
	}
	mc.record("@"+m.method+"/"+m.name(), render(mc, m))
}

var markerMethods = map[string]func(mc *markerCase, m marker) string{
	"hover":         (*markerCase).hover,
	"complete":      (*markerCase).complete,
	"resolve":       (*markerCase).resolve,
	"def":           func(mc *markerCase, m marker) string { return mc.locations("textDocument/definition", m, nil) },
	"refs":          func(mc *markerCase, m marker) string { return mc.locations("textDocument/references", m, true) },
	"highlight":     (*markerCase).highlight,
	"prepareRename": (*markerCase).prepareRename,
	"rename":        (*markerCase).rename,
	"codeaction":    (*markerCase).codeAction,
	"lens":          (*markerCase).lens,
	"symbols":       (*markerCase).symbols,
	"wsymbol":       (*markerCase).workspaceSymbols,
	"folding":       (*markerCase).folding,
	"selection":     (*markerCase).selection,
	"semantic":      (*markerCase).semantic,
	"semanticRange": (*markerCase).semantic,
	"inlay":         (*markerCase).inlay,
	"format":        (*markerCase).format,
	"rangeFormat":   (*markerCase).format,
}

func (mc *markerCase) posParams(m marker) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": mc.uri(m.file)}, "position": mc.pos(m)}
}

func (mc *markerCase) docParams(m marker) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": mc.uri(m.file)}}
}

func (mc *markerCase) hover(m marker) string {
	var h *protocol.Hover
	mc.c.mustCall("textDocument/hover", mc.posParams(m), &h)
	if h == nil {
		return "null"
	}
	return fmt.Sprintf("range %s\n%s: %s", mc.rng(m.file, *h.Range), h.Contents.Kind, h.Contents.Value)
}

func (mc *markerCase) complete(m marker) string {
	var list protocol.CompletionList
	mc.c.mustCall("textDocument/completion", mc.posParams(m), &list)
	var b strings.Builder
	if list.IsIncomplete {
		b.WriteString("(incomplete)\n")
	}
	for _, it := range list.Items {
		format := "text"
		if it.InsertTextFormat == protocol.InsertTextFormatSnippet {
			format = "snippet"
		}
		fmt.Fprintf(&b, "%s kind=%v sort=%s detail=%q\n", it.Label, it.Kind, it.SortText, it.Detail)
		if it.TextEdit != nil {
			fmt.Fprintf(&b, "  %s %s %q\n", mc.rng(m.file, it.TextEdit.Range), format, it.TextEdit.NewText)
		}
	}
	return b.String()
}

func (mc *markerCase) resolve(m marker) string {
	if len(m.args) < 2 {
		mc.t.Fatalf("resolve(%s) needs a label", m.name())
	}
	var list struct {
		Items []json.RawMessage `json:"items"`
	}
	mc.c.mustCall("textDocument/completion", mc.posParams(m), &list)
	for _, raw := range list.Items {
		var it protocol.CompletionItem
		if err := json.Unmarshal(raw, &it); err != nil {
			mc.t.Fatal(err)
		}
		if it.Label != m.args[1] {
			continue
		}
		var res struct {
			Label         string                 `json:"label"`
			Documentation protocol.MarkupContent `json:"documentation"`
		}
		mc.c.mustCall("completionItem/resolve", raw, &res)
		return fmt.Sprintf("%s\n%s: %s", res.Label, res.Documentation.Kind, res.Documentation.Value)
	}
	return "no item " + m.args[1]
}

func (mc *markerCase) locations(method string, m marker, includeDecl any) string {
	params := mc.posParams(m)
	if includeDecl != nil {
		params["context"] = map[string]any{"includeDeclaration": includeDecl}
	}
	var locs []protocol.Location
	mc.c.mustCall(method, params, &locs)
	return mc.renderLocations(locs)
}

func (mc *markerCase) renderLocations(locs []protocol.Location) string {
	var lines []string
	for _, l := range locs {
		f := mc.file(l.URI)
		lines = append(lines, f+" "+mc.rng(f, l.Range))
	}
	sort.Strings(lines)
	if lines == nil {
		return "none"
	}
	return strings.Join(lines, "\n")
}

func (mc *markerCase) highlight(m marker) string {
	var hs []protocol.DocumentHighlight
	mc.c.mustCall("textDocument/documentHighlight", mc.posParams(m), &hs)
	var b strings.Builder
	for _, h := range hs {
		kind := map[protocol.DocumentHighlightKind]string{1: "text", 2: "read", 3: "write"}[h.Kind]
		fmt.Fprintf(&b, "%s %s\n", mc.rng(m.file, h.Range), kind)
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func (mc *markerCase) prepareRename(m marker) string {
	var res *prepareRenameResult
	mc.c.mustCall("textDocument/prepareRename", mc.posParams(m), &res)
	if res == nil {
		return "null"
	}
	return fmt.Sprintf("%s placeholder=%q", mc.rng(m.file, res.Range), res.Placeholder)
}

func (mc *markerCase) rename(m marker) string {
	if len(m.args) < 2 {
		mc.t.Fatalf("rename(%s) needs a new name", m.name())
	}
	params := mc.posParams(m)
	params["newName"] = m.args[1]
	var we *protocol.WorkspaceEdit
	if err := mc.c.call("textDocument/rename", params, &we); err != nil {
		return "error: " + err.Error()
	}
	if we == nil {
		return "null"
	}
	return mc.applied(we.Changes)
}

// applied renders the files a workspace edit changes, after the change.
func (mc *markerCase) applied(changes map[protocol.DocumentURI][]protocol.TextEdit) string {
	var files []string
	for u := range changes {
		files = append(files, mc.file(u))
	}
	sort.Strings(files)
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "=== %s\n%s", f, applyEdits(mc.texts[f], changes[mc.uri(f)]))
	}
	return b.String()
}

// applyEdits applies LSP text edits (non-overlapping, in any order).
func applyEdits(text string, edits []protocol.TextEdit) string {
	m := newMapper([]byte(text), utf16)
	type span struct {
		start, end int
		text       string
	}
	var ss []span
	for _, e := range edits {
		s := m.Span(e.Range)
		ss = append(ss, span{s.Start, s.End, e.NewText})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].start > ss[j].start })
	for _, s := range ss {
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text
}

func (mc *markerCase) codeAction(m marker) string {
	pos := mc.pos(m)
	mc.c.mu.Lock()
	var ctxDiags []protocol.Diagnostic
	for _, d := range mc.c.diags[mc.uri(m.file)].Diagnostics {
		if !less(pos, d.Range.Start) && !less(d.Range.End, pos) {
			ctxDiags = append(ctxDiags, d)
		}
	}
	mc.c.mu.Unlock()
	params := mc.docParams(m)
	params["range"] = protocol.Range{Start: pos, End: pos}
	// codeaction(name, kind..., auto) asks for those kinds only, and as an
	// automatic request (LSP 3.17 triggerKind 2) with "auto".
	ctx := map[string]any{"diagnostics": ctxDiags}
	var only []string
	for _, a := range m.args[1:] {
		if a == "auto" {
			ctx["triggerKind"] = 2
		} else {
			only = append(only, a)
		}
	}
	if len(only) > 0 {
		ctx["only"] = only
	}
	params["context"] = ctx
	var actions []wireAction
	mc.c.mustCall("textDocument/codeAction", params, &actions)
	var b strings.Builder
	for _, a := range actions {
		fmt.Fprintf(&b, "--- %s [%s] preferred=%v", a.Title, a.Kind, a.IsPreferred)
		for _, d := range a.Diagnostics {
			fmt.Fprintf(&b, " fixes=%v", d.Code)
		}
		if a.Disabled != nil {
			fmt.Fprintf(&b, " disabled=%q", a.Disabled.Reason)
		}
		b.WriteString("\n")
		if a.Edit != nil {
			b.WriteString(mc.applied(a.Edit.Changes))
			b.WriteString(mc.documentChanges(a.Edit.DocumentChanges))
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func less(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

func (mc *markerCase) symbols(m marker) string {
	var syms []protocol.DocumentSymbol
	mc.c.mustCall("textDocument/documentSymbol", mc.docParams(m), &syms)
	var b strings.Builder
	var walk func(ss []protocol.DocumentSymbol, depth int)
	walk = func(ss []protocol.DocumentSymbol, depth int) {
		for _, s := range ss {
			fmt.Fprintf(&b, "%s%s (%v) %q range %s select %s\n", strings.Repeat("  ", depth), s.Name, s.Kind, s.Detail,
				mc.rng(m.file, s.Range), mc.rng(m.file, s.SelectionRange))
			walk(s.Children, depth+1)
		}
	}
	walk(syms, 0)
	return b.String()
}

func (mc *markerCase) workspaceSymbols(m marker) string {
	query := ""
	if len(m.args) > 1 {
		query = m.args[1]
	}
	var syms []protocol.SymbolInformation
	mc.c.mustCall("workspace/symbol", map[string]any{"query": query}, &syms)
	var b strings.Builder
	for _, s := range syms {
		f := mc.file(s.Location.URI)
		fmt.Fprintf(&b, "%s (%v) in %s: %s %s\n", s.Name, s.Kind, s.ContainerName, f, mc.rng(f, s.Location.Range))
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func (mc *markerCase) folding(m marker) string {
	var folds []protocol.FoldingRange
	mc.c.mustCall("textDocument/foldingRange", mc.docParams(m), &folds)
	lines := strings.Split(mc.texts[m.file], "\n")
	var b strings.Builder
	for _, f := range folds {
		fmt.Fprintf(&b, "%d-%d %s: %s\n", f.StartLine, f.EndLine, f.Kind, strings.TrimSpace(lines[f.StartLine]))
	}
	return b.String()
}

func (mc *markerCase) selection(m marker) string {
	params := mc.docParams(m)
	params["positions"] = []protocol.Position{mc.pos(m)}
	var res []protocol.SelectionRange
	mc.c.mustCall("textDocument/selectionRange", params, &res)
	var b strings.Builder
	for _, r := range res {
		for s := &r; s != nil; s = s.Parent {
			b.WriteString(mc.rng(m.file, s.Range) + "\n")
		}
	}
	return b.String()
}

// semantic decodes the relative token encoding back into one line per
// token: position, text, type and modifiers.
func (mc *markerCase) semantic(m marker) string {
	method, params := "textDocument/semanticTokens/full", mc.docParams(m)
	if m.method == "semanticRange" {
		method, params["range"] = "textDocument/semanticTokens/range", mc.rangeOf(m)
	}
	var toks protocol.SemanticTokens
	mc.c.mustCall(method, params, &toks)
	var b strings.Builder
	var line, char uint32
	for i := 0; i+4 < len(toks.Data); i += 5 {
		d := toks.Data[i : i+5]
		if d[0] > 0 {
			line, char = line+d[0], d[1]
		} else {
			char += d[1]
		}
		r := protocol.Range{Start: protocol.Position{Line: line, Character: char}, End: protocol.Position{Line: line, Character: char + d[2]}}
		var mods []string
		for bit, name := range semantic.Modifiers {
			if d[4]&(1<<bit) != 0 {
				mods = append(mods, name)
			}
		}
		fmt.Fprintf(&b, "%s %s %s\n", mc.rng(m.file, r), semantic.Types[d[3]], strings.Join(mods, ","))
	}
	return b.String()
}

func (mc *markerCase) inlay(m marker) string {
	params := mc.docParams(m)
	params["range"] = mc.rangeOf(m)
	var hints []inlayHint
	mc.c.mustCall("textDocument/inlayHint", params, &hints)
	var b strings.Builder
	for _, h := range hints {
		fmt.Fprintf(&b, "%d:%d %q tooltip=%q\n", h.Position.Line, h.Position.Character, h.Label, h.Tooltip)
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func (mc *markerCase) format(m marker) string {
	method, params := "textDocument/formatting", mc.docParams(m)
	params["options"] = map[string]any{"tabSize": 2, "insertSpaces": true}
	if m.method == "rangeFormat" {
		method, params["range"] = "textDocument/rangeFormatting", mc.rangeOf(m)
	}
	var edits []protocol.TextEdit
	mc.c.mustCall(method, params, &edits)
	if edits == nil {
		return "null (not formatted)"
	}
	return fmt.Sprintf("%d edits\n%s", len(edits), applyEdits(mc.texts[m.file], edits))
}
