package lsp

import "context"

// exit handles the exit notification: Serve returns 0 after a shutdown and
// 1 without one, as LSP specifies.
func exit(_ context.Context, s *Server, _ *snapshot, _ []byte) (any, error) {
	code := 1
	if s.session.current() == phaseShutdown {
		code = 0
	}
	select {
	case s.exit <- code:
	default: // a second exit
	}
	return nil, nil
}
