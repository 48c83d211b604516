package lsp

import (
	"context"
	"reflect"
	"sort"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// publisher publishes diagnostics after changes, at most once per
// debounce interval (see wait). One goroutine does all publishing, so
// publications never overtake each other.
// Each round analyzes the current snapshot (outside any lock), publishes the
// files that changed (always, tagged with their version) and every other
// file whose diagnostics differ from what it last published: a change in one
// file may add or remove a cross-file finding in another. A round whose
// snapshot was superseded before it could publish is dropped; the change
// that superseded it starts the next one.
type publisher struct {
	s        *Server
	debounce time.Duration
	kick     chan struct{}
	quit     chan struct{}
	stopOnce sync.Once

	mu    sync.Mutex
	dirty map[string]bool // files changed since the last round

	last      map[protocol.DocumentURI]published // publisher goroutine only
	lastRound time.Time                          // when the last round ended; publisher goroutine only
}

func newPublisher(s *Server, debounce time.Duration) *publisher {
	return &publisher{
		s: s, debounce: debounce,
		kick: make(chan struct{}, 1), quit: make(chan struct{}),
		dirty: map[string]bool{}, last: map[protocol.DocumentURI]published{},
	}
}

// changed records that files changed and schedules a round.
func (p *publisher) changed(names ...string) {
	p.mu.Lock()
	for _, n := range names {
		p.dirty[n] = true
	}
	p.mu.Unlock()
	select {
	case p.kick <- struct{}{}:
	default:
	}
}

func (p *publisher) stop() { p.stopOnce.Do(func() { close(p.quit) }) }

func (p *publisher) run() {
	for {
		select {
		case <-p.quit:
			return
		case <-p.kick:
		}
		if !p.wait() {
			return
		}
		p.round()
	}
}

// wait returns when the next round may start. It throttles rather than
// delays: a change that comes after a quiet interval is analysed at once,
// so an isolated edit gets its diagnostics without waiting; during a burst
// of changes (typing) rounds start at most once per interval, and every
// change that came meanwhile joins the next one.
func (p *publisher) wait() bool {
	remaining := p.debounce - time.Since(p.lastRound)
	if p.debounce <= 0 || remaining <= 0 {
		return true
	}
	t := time.NewTimer(remaining)
	defer t.Stop()
	select {
	case <-p.quit:
		return false
	case <-t.C:
		return true
	}
}

func (p *publisher) takeDirty() map[string]bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	d := p.dirty
	p.dirty = map[string]bool{}
	return d
}

// published is what was last sent for a file: enough to tell, without
// converting and encoding again, that a later round has nothing new.
type published struct {
	doc   *document
	diags []rule.Diagnostic
}

// outgoing is one publication of a round, encoded once.
type outgoing struct {
	uri  protocol.DocumentURI
	raw  jsonrpc2.RawMessage
	sent *published // nil for a clearing publication
}

// round publishes what changed in the current snapshot: the open files
// that changed (always, with their version), and any other file whose
// findings differ from its last publication.
func (p *publisher) round() {
	defer func() { p.lastRound = time.Now() }()
	defer p.s.recoverBackground("publish diagnostics")
	snap := p.s.snapshot()
	dirty := p.takeDirty()
	start := time.Now()
	all := snap.ws.AllDiagnostics()
	var out []outgoing
	for _, name := range snap.ws.Files() {
		doc := snap.docs[name]
		if doc == nil {
			continue
		}
		ds := all[name]
		if !(dirty[name] && doc.open) && p.unchanged(doc, ds) {
			continue
		}
		out = append(out, outgoing{uri: doc.uri, raw: p.publication(snap, doc, ds), sent: &published{doc, ds}})
	}
	out = append(out, p.removed(snap)...)
	if p.s.snapshot() != snap {
		p.changed(keys(dirty)...) // superseded: the next round publishes
		return
	}
	for _, o := range out {
		p.s.notifyRaw(context.Background(), "textDocument/publishDiagnostics", o.raw)
		if o.sent != nil {
			p.last[o.uri] = *o.sent
		} else {
			delete(p.last, o.uri)
		}
	}
	p.s.log.Debug("published diagnostics", zap.Int("files", len(out)), zap.Uint64("snapshot", snap.seq), zap.Duration("took", time.Since(start)))
}

// unchanged reports whether doc's last publication still holds: the same
// text (so the same positions) and equal findings, or no findings for a
// file never published.
func (p *publisher) unchanged(doc *document, ds []rule.Diagnostic) bool {
	prev, seen := p.last[doc.uri]
	if !seen {
		return len(ds) == 0
	}
	return prev.doc == doc && reflect.DeepEqual(prev.diags, ds)
}

// publication encodes the publishDiagnostics params of one file.
func (p *publisher) publication(snap *snapshot, doc *document, ds []rule.Diagnostic) jsonrpc2.RawMessage {
	params := protocol.PublishDiagnosticsParams{URI: doc.uri, Diagnostics: p.s.convertDiagnostics(snap, doc, ds)}
	if doc.open {
		params.Version = &doc.version
	}
	raw, err := encode(params)
	if err != nil {
		p.s.log.Error("cannot encode diagnostics", zap.String("uri", string(doc.uri)), zap.Error(err))
	}
	return raw
}

// removed returns the empty publications that clear the diagnostics of
// files that left the workspace.
func (p *publisher) removed(snap *snapshot) []outgoing {
	present := make(map[protocol.DocumentURI]bool, len(snap.docs))
	for _, d := range snap.docs {
		present[d.uri] = true
	}
	var out []outgoing
	for u := range p.last {
		if !present[u] {
			raw, _ := encode(protocol.PublishDiagnosticsParams{URI: u, Diagnostics: []protocol.Diagnostic{}})
			out = append(out, outgoing{uri: u, raw: raw})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].uri < out[j].uri })
	return out
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
