package lsp

import (
	"context"
	"errors"
	"runtime/debug"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// handlerFunc is one LSP method: decode params, work on the snapshot taken
// when the message was read, convert, return the result. Each lives in its
// own file, named for the method.
type handlerFunc func(ctx context.Context, s *Server, snap *snapshot, params []byte) (any, error)

// method is an entry of the method table.
type method struct {
	run handlerFunc
	// inline runs a request on the read goroutine, in wire order with the
	// messages around it (initialize, shutdown). Other requests run
	// concurrently; notifications always run inline, so text changes apply
	// in order.
	inline bool
}

// handle is the connection's handler: lifecycle checks, the method table,
// cancellation, the panic guard and tracing, for every message.
func (s *Server) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	name := req.Method()
	m, known := methods[name]
	if !req.IsCall() {
		if !known || !s.session.admitNotification(name) {
			s.log.Debug("notification dropped", zap.String("method", name), zap.Stringer("phase", s.session.current()))
			return nil, nil
		}
		start := time.Now()
		_, _ = s.guard(ctx, name, m.run, s.snapshot(), req.Params())
		s.traceMessage(name, req.Params(), start)
		return nil, nil
	}
	if err := s.session.admitCall(name); err != nil {
		return nil, err
	}
	if !known {
		return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %s", name)
	}
	id := req.ID()
	snap := s.snapshot() // in wire order: every earlier change is in it
	// The request's own context is pooled by the connection and must not
	// outlive the handler; a context derived from it would (its cancel
	// propagation runs on a goroutine). Cancellation comes from
	// $/cancelRequest, and the connection-lifetime parent still ends the
	// request when the connection closes. The request is registered while
	// the read loop still holds it, so a $/cancelRequest read after it
	// always finds it.
	reqCtx := ctx
	ctx, done := s.cancels.add(jsonrpc2.DetachContext(reqCtx), id)
	defer done()
	if !m.inline {
		// Async clones the request's method and params in place: until
		// then they borrow the read buffer, which the next message reuses.
		jsonrpc2.Async(reqCtx)
		name = req.Method()
	}
	start := time.Now()
	res, err := s.guard(ctx, name, m.run, snap, req.Params())
	s.traceMessage(name, req.Params(), start)
	if ctx.Err() != nil && s.cancels.wasCancelled(id) {
		return nil, jsonrpc2.NewError(protocol.CodeRequestCancelled, name+": request cancelled")
	}
	if err != nil {
		return nil, err
	}
	return encode(res)
}

// guard runs a handler and turns a panic into an InternalError response and
// a log line with the stack; the server goes on.
func (s *Server) guard(ctx context.Context, name string, run handlerFunc, snap *snapshot, params []byte) (res any, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("handler panicked", zap.String("method", name), zap.Any("panic", v), zap.ByteString("stack", debug.Stack()))
			res, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "%s: internal error: %v", name, v)
		}
	}()
	res, err = run(ctx, s, snap, params)
	var rpcErr *jsonrpc2.Error
	if err != nil && !errors.As(err, &rpcErr) {
		s.log.Warn("handler failed", zap.String("method", name), zap.Error(err))
	}
	return res, err
}

// recoverBackground is guard for goroutines that answer no request.
func (s *Server) recoverBackground(name string) {
	if v := recover(); v != nil {
		s.log.Error("background task panicked", zap.String("task", name), zap.Any("panic", v), zap.ByteString("stack", debug.Stack()))
	}
}

// cancelTable maps the ids of requests being served to their cancel
// functions, for $/cancelRequest.
type cancelTable struct {
	mu        sync.Mutex
	live      map[jsonrpc2.ID]context.CancelFunc
	cancelled map[jsonrpc2.ID]bool
}

func (t *cancelTable) add(ctx context.Context, id jsonrpc2.ID) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	t.mu.Lock()
	if t.live == nil {
		t.live, t.cancelled = map[jsonrpc2.ID]context.CancelFunc{}, map[jsonrpc2.ID]bool{}
	}
	t.live[id] = cancel
	t.mu.Unlock()
	return ctx, func() {
		t.mu.Lock()
		delete(t.live, id)
		delete(t.cancelled, id)
		t.mu.Unlock()
		cancel()
	}
}

// cancel cancels the request with id, if it is still being served.
func (t *cancelTable) cancel(id jsonrpc2.ID) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	cancel, ok := t.live[id]
	if ok {
		t.cancelled[id] = true
		cancel()
	}
	return ok
}

func (t *cancelTable) wasCancelled(id jsonrpc2.ID) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.cancelled[id]
}
