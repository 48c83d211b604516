package lsp

import (
	"bytes"
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
// that superseded it starts the next one. Each publication is written from
// the file's previous one, copying the findings the edit did not touch
// (diagcache.go), into the buffers of a publication already sent.
type publisher struct {
	s        *Server
	debounce time.Duration
	kick     chan struct{}
	quit     chan struct{}
	stopOnce sync.Once

	mu    sync.Mutex
	dirty map[string]bool // files changed since the last round

	last      map[protocol.DocumentURI]*encodedDiags // publisher goroutine only
	spare     *encodedDiags                          // a replaced publication, whose buffers the next is written into; publisher goroutine only
	lastRound time.Time                              // when the last round ended; publisher goroutine only
	gc        *idleCollector
}

func newPublisher(s *Server, debounce time.Duration) *publisher {
	return &publisher{
		s: s, debounce: debounce,
		kick: make(chan struct{}, 1), quit: make(chan struct{}),
		dirty: map[string]bool{}, last: map[protocol.DocumentURI]*encodedDiags{},
		gc: newIdleCollector(),
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
		if p.idle() {
			p.gc.collectIfDue()
			p.s.spare.refill()
		}
	}
}

// idle reports whether no change waits for the next round.
func (p *publisher) idle() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.dirty) == 0
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

// outgoing is one publication of a round, encoded once.
type outgoing struct {
	uri  protocol.DocumentURI
	raw  jsonrpc2.RawMessage
	sent *encodedDiags // nil for a clearing publication
	// quiet: raw is byte for byte the file's last publication, which the
	// client keeps; it is recorded but not sent.
	quiet bool
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
		prev := p.last[doc.uri]
		enc := encodeDiagnostics(snap, doc, ds, prev, p.spare)
		p.spare = nil
		// A new text with the same findings at the same positions (a
		// comment added on disk, say) publishes the very bytes the client
		// holds: only what changed and is open always goes out again,
		// since its version tells the editor the findings are current.
		quiet := !(dirty[name] && doc.open) && prev != nil && bytes.Equal(enc.raw, prev.raw)
		out = append(out, outgoing{uri: doc.uri, raw: enc.raw, sent: enc, quiet: quiet})
	}
	out = append(out, p.removed(snap)...)
	if p.s.snapshot() != snap {
		p.changed(keys(dirty)...) // superseded: the next round publishes
		for _, o := range out {
			p.recycle(o.sent)
		}
		return
	}
	sent := 0
	for _, o := range out {
		if !o.quiet {
			p.s.notifyRaw(context.Background(), "textDocument/publishDiagnostics", o.raw)
			sent++
		}
		p.recycle(p.last[o.uri]) // the connection copied raw: nothing reads the old one now
		if o.sent != nil {
			p.last[o.uri] = o.sent
		} else {
			delete(p.last, o.uri)
		}
	}
	p.s.log.Debug("published diagnostics", zap.Int("files", sent), zap.Int("unchanged", len(out)-sent), zap.Uint64("snapshot", snap.seq), zap.Duration("took", time.Since(start)))
}

// recycle keeps the buffers of a publication that nothing reads any more
// for the next one: a keystroke then writes its diagnostics without
// allocating the file's worth of bytes again.
func (p *publisher) recycle(e *encodedDiags) {
	if e != nil && (p.spare == nil || cap(e.raw) > cap(p.spare.raw)) {
		*e = encodedDiags{raw: e.raw, items: e.items, holes: e.holes} // drop the document and findings it kept alive
		p.spare = e
	}
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
