package lsp

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// DefaultDebounce is the shortest interval between two rounds of
// diagnostics while the user types: long enough to skip most keystrokes of
// a word, short enough that the editor feels immediate. A change after a
// quiet interval is published at once.
const DefaultDebounce = 40 * time.Millisecond

// Options configure a server. The zero value is valid: no logging and no
// debounce (what tests want).
type Options struct {
	// Logger receives the server's log; nil means no logging. It must never
	// write to the LSP stream (stdout).
	Logger *zap.Logger
	// Debounce is the shortest interval between two rounds of diagnostics
	// (DefaultDebounce in the binary); zero publishes after every change.
	Debounce time.Duration
}

// Server is one LSP session with one client.
type Server struct {
	opts Options
	log  *zap.Logger
	conn jsonrpc2.Conn

	session session
	exit    chan int // receives the exit code of the `exit` notification

	// Written once by initialize, before any handler can read them.
	client clientInfo

	// writeMu serializes snapshot updates; readers load cur without it.
	writeMu sync.Mutex
	cur     atomic.Pointer[snapshot]
	config  configSources // guarded by writeMu
	folders []string      // workspace folders; guarded by writeMu

	pub   *publisher
	spare textSpare // the next edit's text buffer

	settingsWatch settingsWatch // the watcher of the settings file above the first folder
	cancels       cancelTable
	trace         atomic.Value // protocol.TraceValue

	// Background work (indexing, configuration pulls) stops with bgCtx.
	bgCtx    context.Context
	bgCancel context.CancelFunc
	bg       sync.WaitGroup
}

// New returns a server that is not yet connected.
func New(opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	s := &Server{opts: opts, log: log, exit: make(chan int, 1)}
	s.cur.Store(&snapshot{ws: analysis.New(analysis.Config{}), docs: map[string]*document{}})
	s.trace.Store(protocol.TraceOff)
	s.bgCtx, s.bgCancel = context.WithCancel(context.Background())
	s.pub = newPublisher(s, opts.Debounce)
	return s
}

var (
	installRulePanicHook sync.Once
	rulePanicLog         atomic.Pointer[zap.Logger]
)

// Run serves LSP over rwc (LSP's Content-Length framing) until the client
// sends `exit` or closes the stream, and returns the process exit code: 0
// after shutdown and exit, or when the stream simply ends; 1 for an exit
// without shutdown.
func Run(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	s := New(opts)
	rulePanicLog.Store(s.log)
	installRulePanicHook.Do(func() {
		// A rule's panic costs only that rule's findings; the server logs
		// it. The hook is global, so it is set once and reads the logger of
		// the latest server (there is one per process outside tests).
		analysis.PanicHook = func(code string, v any, stack []byte) {
			rulePanicLog.Load().Error("rule panicked", zap.String("rule", code), zap.Any("panic", v), zap.ByteString("stack", stack))
		}
	})
	conn := jsonrpc2.NewConn(newTolerantStream(jsonrpc2.NewStream(rwc), s.log))
	return s.Serve(ctx, conn)
}

// Serve runs the session on conn, which must not be started yet.
func (s *Server) Serve(ctx context.Context, conn jsonrpc2.Conn) int {
	s.conn = conn
	go s.pub.run()
	conn.Go(ctx, s.handle)
	code := 0
	select {
	case code = <-s.exit:
		s.log.Info("exit", zap.Int("code", code))
	case <-conn.Done():
		s.log.Info("connection closed without exit", zap.Error(conn.Err()))
	case <-ctx.Done():
	}
	s.stop(conn)
	return code
}

// stop ends background work first, so that no server-initiated call keeps
// the connection from draining, then closes the connection.
func (s *Server) stop(conn jsonrpc2.Conn) {
	s.bgCancel()
	s.pub.stop()
	closed := make(chan struct{})
	go func() {
		_ = conn.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		s.log.Warn("connection did not drain in time")
	}
	s.bg.Wait()
}

// snapshot returns the current snapshot; it is immutable.
func (s *Server) snapshot() *snapshot { return s.cur.Load() }

// goBackground runs fn on its own goroutine under the panic guard; Serve
// waits for it before returning.
func (s *Server) goBackground(name string, fn func(ctx context.Context)) {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		defer s.recoverBackground(name)
		fn(s.bgCtx)
	}()
}

// notify sends a notification to the client; failures are logged only,
// since the client may be gone.
func (s *Server) notify(ctx context.Context, method string, params any) {
	raw, err := encode(params)
	if err == nil {
		err = s.conn.Notify(ctx, method, raw)
	}
	if err != nil {
		s.log.Debug("notify failed", zap.String("method", method), zap.Error(err))
	}
}

// notifyRaw sends a notification whose params are already encoded.
func (s *Server) notifyRaw(ctx context.Context, method string, params jsonrpc2.RawMessage) {
	if err := s.conn.Notify(ctx, method, params); err != nil {
		s.log.Debug("notify failed", zap.String("method", method), zap.Error(err))
	}
}

// call sends a request to the client and decodes its result into result
// (which may be nil). It must not run on the connection's read goroutine.
func (s *Server) call(ctx context.Context, method string, params, result any) error {
	raw, err := encode(params)
	if err != nil {
		return err
	}
	var res jsonrpc2.RawMessage
	if _, err := s.conn.Call(ctx, method, raw, &res); err != nil {
		return err
	}
	if result == nil || len(res) == 0 {
		return nil
	}
	if err := json.Unmarshal(res, result); err != nil {
		return fmt.Errorf("%s: decode result: %w", method, err)
	}
	return nil
}
