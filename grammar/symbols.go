package grammar

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// symbolError is tree-sitter's symbol of ERROR nodes, outside the
// language's own range.
const symbolError = sitter.Symbol(0xFFFF)

// symbolNames maps every symbol of the language to its name, read once so
// that FlatNode.Type never converts a C string.
var symbolNames = func() []string {
	names := make([]string, language.SymbolCount())
	for i := range names {
		names[i] = language.SymbolName(sitter.Symbol(i))
	}
	return names
}()

// fieldNames maps field ids to names; id 0 is no field.
var fieldNames = func() []string {
	names := []string{""}
	for id := 1; ; id++ {
		name := language.FieldName(id)
		if name == "" {
			return names
		}
		names = append(names, name)
	}
}()

// SymbolName is the type name of symbol s, as sitter.Node.Type returns it.
func SymbolName(s sitter.Symbol) string {
	if int(s) < len(symbolNames) {
		return symbolNames[s]
	}
	if s == symbolError {
		return NodeError
	}
	return ""
}

// FieldID returns the id of a field of the grammar (FieldKind, …) as
// FlatNode.Field holds it, or 0 for an unknown name.
func FieldID(name string) uint16 {
	for id, n := range fieldNames {
		if id > 0 && n == name {
			return uint16(id)
		}
	}
	return 0
}

// FieldNameOf is the name of field id, "" for 0.
func FieldNameOf(id uint16) string {
	if int(id) < len(fieldNames) {
		return fieldNames[id]
	}
	return ""
}

// The fields the syntax-error descriptions look at.
var (
	fieldKind = FieldID(FieldKind)
	fieldName = FieldID(FieldName)
	fieldBody = FieldID(FieldBody)
)
