package lsp

import (
	"context"
	"fmt"
	"time"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// maxTraceParams bounds the params echoed in a verbose trace: a didOpen of
// a 10 MB file must not become a 10 MB log message.
const maxTraceParams = 2048

// setTrace handles $/setTrace: the client changes the trace level.
func setTrace(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.SetTraceParams](params)
	if err != nil {
		return nil, err
	}
	s.trace.Store(p.Value)
	return nil, nil
}

// traceMessage sends $/logTrace for a handled message when the client asked
// for tracing ("messages" or "verbose"; "verbose" adds the params).
func (s *Server) traceMessage(method string, params []byte, start time.Time) {
	level := s.trace.Load().(protocol.TraceValue)
	if level == protocol.TraceOff || level == "" || s.conn == nil {
		return
	}
	p := protocol.LogTraceParams{Message: fmt.Sprintf("handled %s in %s", method, time.Since(start).Round(time.Microsecond))}
	if level == protocol.TraceVerbose {
		if len(params) > maxTraceParams {
			p.Verbose = fmt.Sprintf("params: %s… (%d bytes)", params[:maxTraceParams], len(params))
		} else {
			p.Verbose = fmt.Sprintf("params: %s", params)
		}
	}
	s.notify(context.Background(), "$/logTrace", p)
}
