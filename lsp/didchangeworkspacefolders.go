package lsp

import (
	"context"
	"slices"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// didChangeWorkspaceFolders handles workspace/didChangeWorkspaceFolders:
// added folders are indexed, the files of removed ones leave the workspace
// (unless open).
func didChangeWorkspaceFolders(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DidChangeWorkspaceFoldersParams](params)
	if err != nil {
		return nil, err
	}
	var added, removed []string
	for _, f := range p.Event.Added {
		added = append(added, fileName(protocol.DocumentURI(f.URI)))
	}
	for _, f := range p.Event.Removed {
		removed = append(removed, fileName(protocol.DocumentURI(f.URI)))
	}
	folders := s.foldersNow()
	wasFirst := first(folders)
	folders = slices.DeleteFunc(folders, func(f string) bool { return slices.Contains(removed, f) })
	s.setFolders(append(folders, added...))
	if first(s.foldersNow()) != wasFirst {
		// The first folder decides which settings file governs (the
		// nearest .dpls.yaml at or above it).
		s.goBackground("reload settings file", s.loadFileConfig)
	}
	s.update(func(cur *snapshot) *snapshot {
		next := cur
		for name, d := range cur.docs {
			if !d.open && slices.ContainsFunc(removed, func(f string) bool { return within(f, name) }) && !s.inFoldersLocked(name) {
				next = next.with(next.ws.RemoveFile(name), name, nil)
			}
		}
		return next
	})
	s.pub.changed()
	s.goBackground("index added folders", func(ctx context.Context) { s.indexFolders(ctx, added) })
	return nil, nil
}

// first returns the first folder, or "" for none.
func first(folders []string) string {
	if len(folders) == 0 {
		return ""
	}
	return folders[0]
}
