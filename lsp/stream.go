package lsp

import (
	"context"
	"errors"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// frameStream is the part of jsonrpc2's header stream the connection uses
// on its fast path: raw frames in and out.
type frameStream interface {
	jsonrpc2.Stream
	ReadFrame(ctx context.Context) ([]byte, int64, error)
	WriteFrame(ctx context.Context, data []byte) (int64, error)
}

// tolerantStream answers a frame that is not a JSON-RPC message (malformed
// JSON, a message that is neither request nor response) with an error
// response carrying a null id, as JSON-RPC 2.0 specifies, and reads on.
// jsonrpc2's connection would otherwise end the session on such a frame,
// and one buggy message from an editor must not cost the user the server.
type tolerantStream struct {
	frameStream
	log *zap.Logger
}

func newTolerantStream(s jsonrpc2.Stream, log *zap.Logger) jsonrpc2.Stream {
	fs, ok := s.(frameStream)
	if !ok {
		return s
	}
	return &tolerantStream{frameStream: fs, log: log}
}

// ReadFrame returns the next frame that decodes as a message. Requests are
// decoded without copying their params, so the check costs one scan.
func (t *tolerantStream) ReadFrame(ctx context.Context) ([]byte, int64, error) {
	for {
		frame, n, err := t.frameStream.ReadFrame(ctx)
		if err != nil || isBatch(frame) {
			return frame, n, err
		}
		_, derr := jsonrpc2.DecodeMessage(frame)
		if derr == nil {
			return frame, n, nil
		}
		var rpcErr *jsonrpc2.Error
		if !errors.As(derr, &rpcErr) {
			rpcErr = jsonrpc2.ErrParse
		}
		t.log.Warn("malformed message", zap.Error(derr), zap.Int("bytes", len(frame)))
		reply := jsonrpc2.AppendResponse(nil, jsonrpc2.ID{}, nil, rpcErr)
		if _, werr := t.frameStream.WriteFrame(ctx, reply); werr != nil {
			return nil, 0, werr
		}
	}
}

// Read is the boxed path, used by no built-in connection; it applies the
// same tolerance.
func (t *tolerantStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	frame, n, err := t.ReadFrame(ctx)
	if err != nil {
		return nil, 0, err
	}
	msg, err := jsonrpc2.DecodeMessage(frame)
	return msg, n, err
}

func isBatch(frame []byte) bool {
	for _, c := range frame {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c == '['
	}
	return false
}
