package lsp

import (
	"fmt"

	"github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
)

// Params and results go through encoding/json semantics (segmentio's fast
// drop-in), which the protocol types' tags and MarshalJSON methods are
// written for; the connection passes the resulting raw bytes through
// verbatim instead of re-encoding them with its json/v2 codec.

// decode unmarshals request params, answering InvalidParams on bad input.
func decode[T any](raw []byte) (T, error) {
	var v T
	if len(raw) == 0 {
		return v, nil
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	return v, nil
}

// encode marshals a result or outgoing params.
func encode(v any) (jsonrpc2.RawMessage, error) {
	if v == nil {
		return jsonrpc2.RawMessage("null"), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	return b, nil
}
