package lsp

import (
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// phase is where a session is in the LSP lifecycle. It only moves forward:
// new → initialized → shut down.
type phase int

const (
	// phaseNew: only `initialize` (and `exit`) are accepted.
	phaseNew phase = iota
	// phaseInitialized: every method is served.
	phaseInitialized
	// phaseShutdown: `shutdown` was answered; only `exit` is accepted.
	phaseShutdown
)

var phaseNames = [...]string{"new", "initialized", "shut down"}

func (p phase) String() string { return phaseNames[p] }

// session is the explicit lifecycle state machine (terraform-ls's
// session_state): it decides, before any handler runs, whether a message may
// be served in the current phase.
type session struct {
	mu    sync.Mutex
	phase phase
}

func (s *session) current() phase {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.phase
}

// admitCall returns the error a request gets in the current phase, or nil.
func (s *session) admitCall(method string) error {
	switch p := s.current(); {
	case p == phaseNew && method != "initialize":
		return jsonrpc2.Errorf(jsonrpc2.ServerNotInitialized, "%s: server not initialized", method)
	case p == phaseInitialized && method == "initialize":
		return jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "initialize: server already initialized")
	case p == phaseShutdown:
		return jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "%s: server is shut down", method)
	}
	return nil
}

// admitNotification reports whether a notification is served in the
// current phase: `exit` always, others only once initialized (LSP: before
// initialize, notifications are dropped).
func (s *session) admitNotification(method string) bool {
	return method == "exit" || s.current() == phaseInitialized
}

// advance moves the session from one phase to the next; it fails when the
// session is not in from (a second initialize or shutdown racing).
func (s *session) advance(from, to phase) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.phase != from {
		return false
	}
	s.phase = to
	return true
}
