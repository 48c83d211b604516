package lsp

import (
	"context"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// registerWatchers asks the client to report changes to .dpl files and the
// settings file on disk, when it supports dynamic registration; otherwise
// the server sees disk changes only when a file is opened or the session
// restarts.
func (s *Server) registerWatchers(ctx context.Context) {
	if !s.client.watchDynamic {
		return
	}
	params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:     "dpls-watch-files",
		Method: "workspace/didChangeWatchedFiles",
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
			{GlobPattern: "**/*.dpl"},
			{GlobPattern: "**/" + analysis.ConfigFileName},
		}},
	}}}
	if err := s.call(ctx, "client/registerCapability", params, nil); err != nil {
		s.log.Warn("cannot register file watchers", zap.Error(err))
	}
}
