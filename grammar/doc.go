// Package grammar holds DPL's tree-sitter grammar (grammar.js, the generated
// parser in src/, the editor queries in queries/) and its Go binding: the
// language, full and incremental parsing of one tree, the Document the
// server parses files as (one part per top-level block, see document.go),
// and the S-expression form used by `dpls parse` and the corpus tests.
//
// The package knows nothing of DPL's schema: it turns text into a concrete
// syntax tree and nothing more. Positions are bytes first; points (row,
// byte column) are derived from the text, because editors speak in lines.
package grammar
