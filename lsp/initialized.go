package lsp

import (
	"context"
)

// initialized handles the initialized notification: the server may now
// call the client, so it loads the workspace in the background — settings,
// file watchers, then every .dpl file of the folders, with progress.
func initialized(_ context.Context, s *Server, _ *snapshot, _ []byte) (any, error) {
	s.goBackground("load workspace", func(ctx context.Context) {
		s.loadConfig(ctx)
		s.registerWatchers(ctx)
		s.indexFolders(ctx, s.foldersNow())
	})
	return nil, nil
}
