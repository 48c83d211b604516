package navigation

import (
	"fmt"
	"regexp"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
)

// Edit replaces a span of a file.
type Edit struct {
	File    string
	Span    model.Span
	NewText string
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// PrepareRename returns the span that a rename at offset would change (the
// name itself, without quotes) and its current text.
func PrepareRename(w *analysis.Workspace, file string, offset int) (model.Span, string, bool) {
	_, occ, ok := SymbolAt(w, file, offset)
	if !ok {
		return model.Span{}, "", false
	}
	span := inner(occ)
	return span, string(w.File(file).Src[span.Start:span.End]), true
}

// Rename renames the symbol at offset everywhere in the workspace.
func Rename(w *analysis.Workspace, file string, offset int, newName string) ([]Edit, error) {
	sym, _, ok := SymbolAt(w, file, offset)
	if !ok {
		return nil, fmt.Errorf("nothing to rename here")
	}
	if !identifier.MatchString(newName) {
		return nil, fmt.Errorf("%q is not a valid name: use letters, digits, _ and -, starting with a letter or _", newName)
	}
	if err := conflict(w, sym, newName); err != nil {
		return nil, err
	}
	var edits []Edit
	for _, o := range Occurrences(w, sym) {
		if o.Quoted && sym.Kind == SymService && isKindReference(w, o) {
			continue // a patterns entry names a kind, which does not change
		}
		edits = append(edits, Edit{File: o.File, Span: inner(o), NewText: newName})
	}
	return edits, nil
}

// conflict refuses a rename that would merge two services' blocks of one
// kind, or two metrics.
func conflict(w *analysis.Workspace, sym Symbol, newName string) error {
	if sym.Kind != SymService || model.NormalizeName(newName) == sym.Key {
		return nil
	}
	kinds := map[string]bool{}
	for _, r := range w.Index().Service(sym.Key) {
		kinds[r.Block.Kind.Text] = true
	}
	for _, r := range w.Index().Service(newName) {
		if kinds[r.Block.Kind.Text] {
			return fmt.Errorf("a %s block named %s already exists", r.Block.Kind.Text, r.Block.Name.Text)
		}
	}
	return nil
}

// isKindReference reports whether a quoted occurrence is a patterns entry
// (which names a block kind, not the service).
func isKindReference(w *analysis.Workspace, o Occurrence) bool {
	src := w.File(o.File).Src
	text := string(src[o.Span.Start+1 : o.Span.End-1])
	_, isKind := kindNames()[text]
	return isKind
}

// inner is the span of the name itself, inside any quotes.
func inner(o Occurrence) model.Span {
	if o.Quoted && o.Span.Len() >= 2 {
		return model.Span{Start: o.Span.Start + 1, End: o.Span.End - 1}
	}
	return o.Span
}
