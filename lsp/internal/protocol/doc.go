// SPDX-FileCopyrightText: 2019 The Go Language Server Authors
// SPDX-License-Identifier: BSD-3-Clause

// Package protocol is a copy of the types of go.lsp.dev/protocol v0.12.0
// (BSD-3-Clause, see LICENSE), vendored because that module's dispatch glue
// (client.go, server.go, handler.go, log.go, protocol.go, context.go) is
// written against go.lsp.dev/jsonrpc2 v0.10 and does not compile with the
// v1 connection dpls uses. Only the glue was left out; the types are
// unchanged except for these fixes, each needed by the LSP specification:
//
//   - TextDocumentContentChangeEvent.Range is a pointer: a change without a
//     range replaces the whole document.
//   - PublishDiagnosticsParams.Version is an optional *int32, so version 0
//     is sent and a file that is not open is published without a version.
//   - LogTraceParams.Verbose is a string; TraceMessages ("messages") is the
//     spelling LSP 3.16 specifies.
//
// Original package documentation follows.
//
// Package protocol implements Language Server Protocol specification in Go.
//
// This package contains the structs that map directly to the wire format
// of the Language Server Protocol.
//
// It is a literal transcription, with unmodified comments, and only the changes
// required to make it Go code.
//
// - Names are uppercased to export them.
//
// - All fields have JSON tags added to correct the names.
//
// - Fields marked with a ? are also marked as "omitempty".
//
// - Fields that are "|| null" are made pointers.
//
// - Fields that are string or number are left as string.
//
// - Fields that are type "number" are made float64.
package protocol
