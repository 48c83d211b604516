package lsp

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// didChangeWatchedFiles handles workspace/didChangeWatchedFiles: .dpl files
// created, changed or deleted on disk, and the settings file. Files open in
// the editor keep the editor's text.
func didChangeWatchedFiles(ctx context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DidChangeWatchedFilesParams](params)
	if err != nil {
		return nil, err
	}
	var paths []string
	configChanged := false
	for _, ch := range p.Changes {
		if ch == nil {
			continue
		}
		path := fileName(ch.URI)
		switch {
		case filepath.Base(path) == analysis.ConfigFileName:
			configChanged = true
		case strings.HasSuffix(path, ".dpl"):
			paths = append(paths, path)
		}
	}
	if len(paths) > 0 {
		s.loadFromDisk(paths) // a deleted file reads as gone
	}
	if configChanged {
		s.goBackground("reload settings file", s.loadFileConfig)
	}
	return nil, nil
}
