package lsp

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/internal/dplfs"
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

// inFolders reports whether path belongs to a workspace folder: below one
// and not in a directory the indexing walk skips (dplfs.SkipDir: .git,
// node_modules). A file there that changes on disk or closes in the editor
// is then treated as indexing treats it, as no part of the workspace.
func (s *Server) inFolders(path string) bool {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.inFoldersLocked(path)
}

func (s *Server) inFoldersLocked(path string) bool {
	return slices.ContainsFunc(s.folders, func(f string) bool { return within(f, path) && !dplfs.Skipped(f, path) })
}

func within(folder, path string) bool {
	rel, err := filepath.Rel(folder, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// dplFiles lists the .dpl files of folder with the walk `dpls check` uses
// (dplfs.Files). A directory that cannot be read is logged and costs only
// itself: an editor should index what it can.
func (s *Server) dplFiles(folder string) []string {
	files, err := dplfs.Files(folder)
	if err != nil {
		s.log.Warn("indexing", zap.Error(err))
	}
	return files
}

// indexFolders reads every .dpl file of folders into the workspace, with
// progress; files open in the editor keep the editor's text.
func (s *Server) indexFolders(ctx context.Context, folders []string) {
	var paths []string
	for _, f := range folders {
		paths = append(paths, s.dplFiles(f)...)
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
// in the editor and those outside the workspace folders (inFolders: a file
// changed in .git or node_modules is not indexed, so not loaded either); a
// path that no longer exists leaves the workspace.
func (s *Server) loadFromDisk(paths []string) {
	paths = slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return !s.inFolders(p) })
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
