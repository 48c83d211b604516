package lsp

import (
	"context"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// didChange handles textDocument/didChange. All changes of one notification
// become one analysis snapshot: incremental changes are turned into parser
// edits (each relative to the text the previous change left) and applied
// with one incremental reparse; a change without a range replaces the text.
func didChange(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.DidChangeTextDocumentParams](params)
	if err != nil || len(p.ContentChanges) == 0 {
		return nil, err
	}
	u, version := p.TextDocument.URI, p.TextDocument.Version
	name := fileName(u)
	applied := s.update(func(cur *snapshot) *snapshot {
		old := cur.docs[name]
		if old == nil || !old.open {
			return nil
		}
		m, edits, full := old.mapper(), []grammar.Edit(nil), false
		for _, ch := range p.ContentChanges {
			if ch.Range == nil {
				m, full = newMapper([]byte(ch.Text), s.client.enc), true
				continue
			}
			span := m.Span(*ch.Range)
			var e grammar.Edit
			into := s.spare.take(len(m.src) - (span.End - span.Start) + len(ch.Text))
			m, e = m.apply(span.Start, span.End, []byte(ch.Text), into)
			edits = append(edits, e)
		}
		ws := cur.ws
		if full { // edits after a full replacement do not apply to the old tree
			ws = ws.SetFile(name, m.src)
		} else {
			ws = ws.EditFile(name, m.src, edits)
		}
		doc := newDocument(name, old.uri, m.src, s.client.enc).withMapper(m)
		doc.open, doc.version = true, version
		if !full {
			doc.editedFrom(old, grammar.Cover(edits)) // all edits as one, in the terms of old's text
		}
		return cur.with(ws, name, doc)
	})
	if applied == nil {
		// Not open: only a full text can be trusted, and then it opens the file.
		if last := p.ContentChanges[len(p.ContentChanges)-1]; last.Range == nil {
			s.log.Info("change for a document never opened: opening it", zap.String("uri", string(u)))
			s.openDocument(u, version, []byte(last.Text))
			return nil, nil
		}
		s.log.Warn("incremental change for a document never opened: ignored", zap.String("uri", string(u)))
		return nil, nil
	}
	s.pub.changed(name)
	return nil, nil
}
