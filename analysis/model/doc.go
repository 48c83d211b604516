// Package model is DPL's typed syntax model: blocks, objects, members and
// values with their ranges, built from the tree-sitter tree. It is what every
// feature reads; nothing outside analysis and format walks the raw tree.
//
// Positions inside a block are stored relative to the block's start, so a
// block whose text did not change keeps its model (and its diagnostics) when
// an edit elsewhere shifts it: re-analysis after an edit rebuilds only the
// blocks whose text changed. Block.Abs turns a relative Span into absolute
// byte offsets of the file.
//
// The model is immutable once built and safe to share between goroutines,
// unlike tree-sitter trees.
package model
