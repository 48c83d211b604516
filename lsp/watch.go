package lsp

import (
	"context"
	"os"
	"path/filepath"
	"sync"

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

// settingsAboveID names the registration of the watcher of a settings file
// above the first workspace folder.
const settingsAboveID = "dpls-watch-settings-above"

// settingsWatch is the folder whose settings file watchSettingsAbove
// registered last; "" for none.
type settingsWatch struct {
	mu  sync.Mutex
	dir string
}

// watchSettingsAbove asks the client to watch path, the settings file that
// governs folder (loadFileConfig found it), when it lies above folder. The
// "**" watchers only see the workspace: without this, editing a
// project-wide settings file above an opened subfolder would go unnoticed
// until a restart. A glob cannot reach outside the workspace; LSP 3.17's
// relative patterns can, so this needs a client that supports them. The
// registration moves when the governing file does (another first folder).
//
// Only the file's own folder is watched, not every folder above: some
// clients watch a relative pattern's base folder recursively (Neovim walks
// it), so a base of / or the home folder would watch the whole disk. A
// settings file created above the workspace later is read when the first
// folder changes or the server restarts; one in the home folder or at the
// root is read but not watched.
func (s *Server) watchSettingsAbove(ctx context.Context, folder, path string) {
	if !s.client.watchRelative {
		return
	}
	dir := ""
	if path != "" {
		dir = filepath.Dir(path)
		home, _ := os.UserHomeDir()
		// In the folder itself, the "**" watchers see it.
		if dir == filepath.Clean(folder) || filepath.Dir(dir) == dir || dir == home {
			dir = ""
		}
	}
	w := &s.settingsWatch
	w.mu.Lock()
	defer w.mu.Unlock()
	if dir == w.dir {
		return
	}
	if w.dir != "" {
		params := protocol.UnregistrationParams{Unregisterations: []protocol.Unregistration{{
			ID: settingsAboveID, Method: "workspace/didChangeWatchedFiles",
		}}}
		if err := s.call(ctx, "client/unregisterCapability", params, nil); err != nil {
			s.log.Warn("cannot unregister the settings watcher", zap.Error(err))
		}
		w.dir = ""
	}
	if dir == "" {
		return
	}
	params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:     settingsAboveID,
		Method: "workspace/didChangeWatchedFiles",
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{{
			GlobPattern: protocol.RelativePattern{BaseURI: fileURI(dir), Pattern: analysis.ConfigFileName},
		}}},
	}}}
	if err := s.call(ctx, "client/registerCapability", params, nil); err != nil {
		s.log.Warn("cannot register the settings watcher", zap.Error(err))
		return
	}
	w.dir = dir
}
