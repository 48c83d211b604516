// Package analysis is dpls's core: it turns the text of a workspace's DPL
// files into the typed model and the diagnostics of every rule, and answers
// what the editor features ask of them.
//
// A Workspace is an immutable snapshot. Changing a file returns a new
// snapshot that shares everything the change did not touch: only the
// parts of the file's grammar.Document an edit touched (one block, for a
// keystroke) are parsed and converted again (model.Rebuild), only blocks whose text changed are re-checked
// (block findings are cached by block text, their diagnostics by block
// position), the index is patched, and only the group passes that looked
// up a changed block run again (groups.go). Diagnostics are computed
// lazily, once per snapshot. Analysis never fails and never does IO: text
// comes in, model and diagnostics go out.
package analysis
