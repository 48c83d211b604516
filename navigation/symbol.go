// Package navigation finds what names link to in a DPL workspace and
// answers the editor's navigation requests from it: definition,
// references, rename, document highlight, document and workspace symbols,
// folding and selection ranges. Everything is editor-neutral (absolute byte
// spans); the LSP layer converts.
//
// The links, as the language reference defines them: blocks that share a
// name describe one service, so a block name refers to every other block of
// that name; service names in lists (services, participants, compose
// services) match block names case-insensitively ignoring - and _;
// `patterns` entries name the block of that kind for the same name;
// compensation keys name participants; alert conditions name the metrics
// of the `metrics` block of the same name.
package navigation

import (
	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
)

// SymbolKind says what a symbol is.
type SymbolKind int

const (
	// SymService is a block name: every block of that name, and every
	// service-list string that matches it.
	SymService SymbolKind = iota + 1
	// SymParticipant is a participant of one distributed_transaction.
	SymParticipant
	// SymMetric is a metric of one metrics block.
	SymMetric
)

// Symbol identifies what a name means.
type Symbol struct {
	Kind SymbolKind
	// Key is the normalized name (SymService) or the name itself.
	Key string
	// Scope is the block name a participant or metric belongs to.
	Scope string
}

// Occurrence is one place a symbol is written.
type Occurrence struct {
	File string
	Span model.Span
	// Def marks the declaring occurrences (block names, participant list
	// entries, metric keys).
	Def bool
	// Quoted is set when the span includes a string's quotes: rename then
	// writes the new name between them.
	Quoted bool
}

// SymbolAt returns the symbol under an absolute offset of file.
func SymbolAt(w *analysis.Workspace, file string, offset int) (Symbol, Occurrence, bool) {
	for _, o := range occurrencesIn(w, file) {
		if o.occ.Span.Contains(offset) {
			return o.sym, o.occ, true
		}
	}
	return Symbol{}, Occurrence{}, false
}

// Occurrences lists every place sym is written in the workspace.
func Occurrences(w *analysis.Workspace, sym Symbol) []Occurrence {
	var out []Occurrence
	for _, file := range w.Files() {
		for _, o := range occurrencesIn(w, file) {
			if o.sym == sym {
				out = append(out, o.occ)
			}
		}
	}
	return out
}

// Definition returns the declaring occurrences of the symbol at offset,
// other than the one under the cursor.
func Definition(w *analysis.Workspace, file string, offset int) []Occurrence {
	sym, here, ok := SymbolAt(w, file, offset)
	if !ok {
		return nil
	}
	var out []Occurrence
	for _, o := range Occurrences(w, sym) {
		if o.Def && !(o.File == here.File && o.Span == here.Span) {
			out = append(out, o)
		}
	}
	if len(out) == 0 && here.Def {
		out = append(out, here)
	}
	return out
}

// References returns every occurrence of the symbol at offset; the
// declarations are included only when includeDecl is set.
func References(w *analysis.Workspace, file string, offset int, includeDecl bool) []Occurrence {
	sym, _, ok := SymbolAt(w, file, offset)
	if !ok {
		return nil
	}
	var out []Occurrence
	for _, o := range Occurrences(w, sym) {
		if includeDecl || !o.Def {
			out = append(out, o)
		}
	}
	return out
}

// Highlights returns the occurrences of the symbol at offset in file.
func Highlights(w *analysis.Workspace, file string, offset int) []Occurrence {
	sym, _, ok := SymbolAt(w, file, offset)
	if !ok {
		return nil
	}
	var out []Occurrence
	for _, o := range occurrencesIn(w, file) {
		if o.sym == sym {
			out = append(out, o.occ)
		}
	}
	return out
}

type symOcc struct {
	sym Symbol
	occ Occurrence
}

// occurrencesIn lists every symbol occurrence of one file.
func occurrencesIn(w *analysis.Workspace, file string) []symOcc {
	f := w.File(file)
	if f == nil {
		return nil
	}
	var out []symOcc
	for _, b := range f.Blocks {
		out = append(out, blockOccurrences(w, file, b)...)
	}
	return out
}
