package lsp

import (
	"context"

	"go.lsp.dev/jsonrpc2"
)

// shutdown handles the shutdown request: from now on only exit is served.
func shutdown(_ context.Context, s *Server, _ *snapshot, _ []byte) (any, error) {
	if !s.session.advance(phaseInitialized, phaseShutdown) {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "shutdown: server is not running")
	}
	s.bgCancel()
	s.pub.stop()
	return nil, nil
}
