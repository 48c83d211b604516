// Package lsp is dpls's language server: the Language Server Protocol
// over JSON-RPC (go.lsp.dev/jsonrpc2), on top of the editor-neutral feature
// packages. It holds no DPL knowledge of its own: every answer comes from
// analysis, completion, hover, navigation, format, semantic, inlay or
// codeactions, and this package only converts between their byte offsets
// and values and the protocol's positions and types.
//
// The shape, file by file:
//
//   - methods.go is the method table: one line per LSP method, each
//     handled by the file named after it (hover.go, didchange.go, …) as
//     decode → snapshot → feature → convert → reply. An unknown request
//     gets MethodNotFound; capabilities.go advertises exactly the table.
//   - dispatch.go runs every message: the session state machine
//     (session.go: requests before initialize get ServerNotInitialized,
//     after shutdown InvalidRequest), $/cancelRequest, the panic guard (a
//     panicking handler answers InternalError and logs its stack) and
//     $/logTrace. Notifications run in wire order on the read goroutine;
//     requests run concurrently on the snapshot current when they arrived.
//   - snapshot.go: immutable snapshots of the workspace (analysis
//     snapshot + document texts and versions). Text changes build the next
//     snapshot under one lock; readers never lock.
//   - mapper.go is the only place bytes meet LSP positions (UTF-16 by
//     default, UTF-8 when the client offers it), clamping out-of-range
//     positions instead of failing.
//   - publish.go publishes versioned diagnostics from one goroutine,
//     throttled while the user types, and clears them when a file leaves.
//   - folders.go, watch.go, config.go: indexing the workspace folders with
//     progress, file watching (the settings file above the first folder
//     too, with clients that take relative patterns), and settings
//     (.dpls.yaml under the editor's workspace/configuration).
//   - stream.go keeps the session alive across malformed frames.
//
// Run serves one session on a stream; cmd/dpls calls it with stdio.
package lsp
