// Package analysis is dpls's core: it turns the text of a workspace's DPL
// files into the typed model and the diagnostics of every rule, and answers
// what the editor features ask of them.
//
// A Workspace is an immutable snapshot. Changing a file returns a new
// snapshot that shares everything the change did not touch: the file is
// reparsed incrementally, only blocks whose text changed are rebuilt and
// re-checked (block findings are cached by block text), and the cross-block
// rules run again over the index. Diagnostics are computed lazily, once per
// snapshot. Analysis never fails and never does IO: text comes in, model and
// diagnostics go out.
package analysis
