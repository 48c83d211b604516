package lsp

import (
	"context"
)

// Test-only methods, added to the method table before any server runs:
// one panics (the guard must turn it into an error response), one waits
// until its request is cancelled.
func init() {
	methods["dpls/testPanic"] = method{run: func(context.Context, *Server, *snapshot, []byte) (any, error) {
		panic("test hook panicked")
	}}
	methods["dpls/testBlock"] = method{run: func(ctx context.Context, _ *Server, _ *snapshot, _ []byte) (any, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}}
}
