// Package generators is the framework every dpls generator target is built
// on: what a target is (a name, the block kinds it consumes and a pure
// function from the analyzed model to files and notes), how a file is
// written (YAML through yaml.v3 nodes, never string concatenation), the
// header that marks a file as dpls's own with a hash of its content, and the
// decisions a writer makes before it replaces a file.
//
// A target never touches the filesystem: it returns files in memory. The CLI
// (`dpls generate`) writes them; the editor's code actions turn the same
// files into workspace edits. Both ask Decide whether a file may be
// replaced, so a file a user edited since dpls wrote it is never overwritten
// silently by either.
//
// The targets live in subpackages (kubernetes, prometheus, compose) and are
// listed by package registry, which the CLI, the code actions and the tests
// share.
package generators
