package lsp

import (
	"context"

	"github.com/segmentio/encoding/json"
)

// didChangeConfiguration handles workspace/didChangeConfiguration. A client
// that answers workspace/configuration is asked for the dpls section (the
// pushed settings may be empty, as VS Code sends them); otherwise the pushed
// settings' dpls section is used.
func didChangeConfiguration(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	if s.client.configuration {
		s.goBackground("pull configuration", s.pullConfig)
		return nil, nil
	}
	p, err := decode[struct {
		Settings map[string]json.RawMessage `json:"settings"`
	}](params)
	if err != nil {
		return nil, err
	}
	section, ok := p.Settings[configSection]
	if !ok {
		return nil, nil
	}
	s.goBackground("apply settings", func(ctx context.Context) { s.applyEditorSettings(ctx, section) })
	return nil, nil
}
