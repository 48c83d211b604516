package lsp

import (
	"context"
	"fmt"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// cancelRequest handles $/cancelRequest: the request's context is
// cancelled, and the request answers RequestCancelled.
func cancelRequest(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.CancelParams](params)
	if err != nil {
		return nil, err
	}
	var id jsonrpc2.ID
	switch v := p.ID.(type) {
	case float64:
		id = jsonrpc2.NewNumberID(int64(v))
	case string:
		id = jsonrpc2.NewStringID(v)
	default:
		return nil, fmt.Errorf("$/cancelRequest: id %v is neither number nor string", p.ID)
	}
	if !s.cancels.cancel(id) {
		s.log.Debug("cancel for a request not running", zap.Any("id", p.ID))
	}
	return nil, nil
}
