package lsp

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.uber.org/zap"
)

// indexBatch is how many files one snapshot update adds while indexing: the
// parsing happens under the write lock, so batches keep an edit from
// waiting for a whole workspace.
const indexBatch = 32

// setFolders replaces the workspace folders.
func (s *Server) setFolders(folders []string) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.folders = folders
}

// foldersNow returns a copy of the workspace folders.
func (s *Server) foldersNow() []string {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return slices.Clone(s.folders)
}

// inFolders reports whether path lies under a workspace folder.
func (s *Server) inFolders(path string) bool {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.inFoldersLocked(path)
}

func (s *Server) inFoldersLocked(path string) bool {
	return slices.ContainsFunc(s.folders, func(f string) bool { return within(f, path) })
}

func within(folder, path string) bool {
	rel, err := filepath.Rel(folder, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// dplFiles lists the .dpl files under folder, skipping hidden directories
// (.git) and node_modules.
func dplFiles(folder string) []string {
	var out []string
	_ = filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory costs only itself
		}
		if d.IsDir() && path != folder && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".dpl") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// indexFolders reads every .dpl file of folders into the workspace, with
// progress; files open in the editor keep the editor's text.
func (s *Server) indexFolders(ctx context.Context, folders []string) {
	var paths []string
	for _, f := range folders {
		paths = append(paths, dplFiles(f)...)
	}
	prog := s.beginProgress(ctx, "Indexing DPL files", len(paths))
	for i := 0; i < len(paths); i += indexBatch {
		if ctx.Err() != nil {
			return
		}
		batch := paths[i:min(i+indexBatch, len(paths))]
		s.loadFromDisk(batch)
		prog.report(i + len(batch))
	}
	prog.end(len(paths))
	s.log.Info("indexed workspace", zap.Strings("folders", folders), zap.Int("files", len(paths)))
}

// loadFromDisk reads paths and puts them in the workspace, except those open
// in the editor; a path that no longer exists leaves the workspace.
func (s *Server) loadFromDisk(paths []string) {
	texts := make(map[string][]byte, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			s.log.Warn("cannot read file", zap.String("path", p), zap.Error(err))
			continue
		}
		texts[p] = b // nil when the file is gone
	}
	s.update(func(cur *snapshot) *snapshot {
		next := cur
		for _, p := range paths {
			text, ok := texts[p]
			old := next.docs[p]
			switch {
			case !ok || (old != nil && old.open):
			case text == nil && old != nil:
				next = next.with(next.ws.RemoveFile(p), p, nil)
			case text != nil && (old == nil || string(old.text) != string(text)):
				next = next.with(next.ws.SetFile(p, text), p, newDocument(p, fileURI(p), text, s.client.enc))
			}
		}
		if next == cur {
			return nil
		}
		return next
	})
	s.pub.changed(paths...)
}
