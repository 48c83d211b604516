package lsp

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/internal/dplfs"
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
	s.watchSettingsAbove(ctx)
}

// settingsAboveID names the registration of the watchers above the first
// workspace folder.
const settingsAboveID = "dpls-watch-settings-above"

// settingsWatch is what watchSettingsAbove registered last.
type settingsWatch struct {
	mu         sync.Mutex
	folder     string // the folder whose ancestors are watched; "" for none
	registered bool
}

// watchSettingsAbove asks the client to watch the settings file that
// governs the workspace when it lies above the first workspace folder. The
// server reads the nearest .dpls.yaml at or above that folder
// (dplfs.LoadConfig), and the "**" watchers only see the workspace:
// without this, editing a project-wide settings file above an opened
// subfolder would go unnoticed until a restart. A glob cannot reach
// outside the workspace; LSP 3.17's relative patterns can, so this needs a
// client that supports them. It registers again when the first folder
// changes (see settingsWatcherAbove for what it does not watch).
func (s *Server) watchSettingsAbove(ctx context.Context) {
	if !s.client.watchRelative {
		return
	}
	folder := ""
	if folders := s.foldersNow(); len(folders) > 0 {
		folder = folders[0]
	}
	w := &s.settingsWatch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.registered && w.folder == folder {
		return
	}
	if w.registered {
		params := protocol.UnregistrationParams{Unregisterations: []protocol.Unregistration{{
			ID: settingsAboveID, Method: "workspace/didChangeWatchedFiles",
		}}}
		if err := s.call(ctx, "client/unregisterCapability", params, nil); err != nil {
			s.log.Warn("cannot unregister the settings watchers", zap.Error(err))
		}
		w.registered = false
	}
	w.folder = folder
	watchers := settingsWatcherAbove(folder)
	if len(watchers) == 0 {
		return
	}
	params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              settingsAboveID,
		Method:          "workspace/didChangeWatchedFiles",
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}}
	if err := s.call(ctx, "client/registerCapability", params, nil); err != nil {
		s.log.Warn("cannot register the settings watchers", zap.Error(err))
		return
	}
	w.registered = true
}

// settingsWatcherAbove returns a watcher of the settings file that governs
// folder when it lies above folder, else nothing.
//
// Only an existing file's folder is watched, not every folder above: some
// clients watch a relative pattern's base folder recursively (Neovim walks
// it), so a base of / or the home folder would watch the whole disk. A
// settings file created above the workspace later is read when the first
// folder changes or the server restarts. For the same reason a file in
// the home folder or at the root is read but not watched.
func settingsWatcherAbove(folder string) []protocol.FileSystemWatcher {
	if folder == "" {
		return nil
	}
	_, path, _ := dplfs.LoadConfig(folder)
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	home, _ := os.UserHomeDir()
	// In the folder itself, the "**" watchers see it.
	if dir == filepath.Clean(folder) || filepath.Dir(dir) == dir || dir == home {
		return nil
	}
	return []protocol.FileSystemWatcher{{GlobPattern: protocol.RelativePattern{
		BaseURI: fileURI(dir), Pattern: analysis.ConfigFileName,
	}}}
}
