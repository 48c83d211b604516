package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/dpls-dev/dpls/lsp"
)

func init() {
	register("serve", "serve LSP on stdio (the default with no command)", runServe)
}

// runServe speaks LSP on standard input and output until the client sends
// exit or closes standard input. Standard output carries only the
// protocol: the log goes to standard error or --log-file.
func runServe(e env) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Bool("stdio", true, "serve on standard input and output (the only transport; the flag is accepted because vscode-languageclient passes it)")
	logFile := fs.String("log-file", "", "append the log to `FILE` instead of standard error")
	level := fs.String("log-level", "info", "least severe log `level`: debug, info, warn, error")
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "shortest interval between two rounds of diagnostics while the user types")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the session to `FILE` (for the replay benchmark)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dpls [serve] [--stdio] [--log-file FILE] [--log-level LEVEL] [--debounce D] [--cpuprofile FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dpls serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	lvl, err := zapcore.ParseLevel(*level)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls serve: --log-level: %v\n", err)
		return 2
	}
	log, closeLog, err := newLogger(e.stderr, *logFile, lvl)
	if err != nil {
		fmt.Fprintf(e.stderr, "dpls serve: %v\n", err)
		return 2
	}
	defer closeLog()
	if *cpuProfile != "" {
		stopProfile, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(e.stderr, "dpls serve: %v\n", err)
			return 2
		}
		defer stopProfile()
	}
	lsp.Version = version
	ctx := stopOnSignal()
	log.Info("serving LSP on stdio", zap.String("version", version), zap.Int("pid", os.Getpid()))
	return lsp.Run(ctx, stdio{pollableStdin(e.stdin), e.stdout}, lsp.Options{Logger: log, Debounce: *debounce})
}

// stopOnSignal returns a context cancelled by SIGINT or SIGTERM, which
// ends the session like a closed stdin does. The handler stays installed
// until the process exits: ALE closes the server's stdin and sends SIGTERM
// at once, and a signal that arrived after the session ended must not kill
// the process on its way out and turn a clean exit into "killed".
func stopOnSignal() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel()
	}()
	return ctx
}

// startCPUProfile profiles the process until the returned function runs.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); _ = f.Close() }, nil
}

// newLogger logs to the file when one is named (appending, so restarts
// keep the history), else to stderr. Never to stdout: it carries LSP.
func newLogger(stderr io.Writer, path string, level zapcore.Level) (*zap.Logger, func(), error) {
	sink := zapcore.AddSync(stderr)
	closeSink := func() {}
	if path != "" {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("open log file: %w", err)
		}
		sink, closeSink = zapcore.AddSync(f), func() { _ = f.Close() }
	}
	enc := zap.NewDevelopmentEncoderConfig()
	enc.EncodeTime = zapcore.ISO8601TimeEncoder
	core := zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.Lock(sink), level)
	log := zap.New(core, zap.ErrorOutput(zapcore.Lock(sink)))
	return log, func() { _ = log.Sync(); closeSink() }, nil
}

// stdio joins standard input and output into the connection's stream.
// Closing it closes standard input when it can be closed, which is what
// ends the read loop after exit.
type stdio struct {
	in  io.Reader
	out io.Writer
}

func (s stdio) Read(p []byte) (int, error)  { return s.in.Read(p) }
func (s stdio) Write(p []byte) (int, error) { return s.out.Write(p) }

func (s stdio) Close() error {
	if c, ok := s.in.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
