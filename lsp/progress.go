package lsp

import (
	"context"
	"fmt"
	"sync/atomic"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

var progressTokens atomic.Int64

// progress reports one long task with window/workDoneProgress. A nil
// *progress (the client does not support it, or refused the token) reports
// nothing, so callers need not check.
type progress struct {
	s     *Server
	ctx   context.Context
	token protocol.ProgressToken
	total int
	last  uint32
	// noun counts the work ("files"); done is the end message's verb.
	noun, done string
}

// beginProgress creates a token and sends the begin report, when the client
// supports server-initiated progress.
func (s *Server) beginProgress(ctx context.Context, title string, total int) *progress {
	return s.beginProgressOf(ctx, title, "files", "indexed", total)
}

// beginProgressOf is beginProgress for work counted in noun, ending with
// "<done> <n> <noun>".
func (s *Server) beginProgressOf(ctx context.Context, title, noun, done string, total int) *progress {
	if !s.client.workDoneProgress {
		return nil
	}
	token := *protocol.NewProgressToken(fmt.Sprintf("dpls-%d", progressTokens.Add(1)))
	if err := s.call(ctx, "window/workDoneProgress/create", protocol.WorkDoneProgressCreateParams{Token: token}, nil); err != nil {
		s.log.Debug("progress refused", zap.Error(err))
		return nil
	}
	p := &progress{s: s, ctx: ctx, token: token, total: total, noun: noun, done: done}
	p.send(protocol.WorkDoneProgressBegin{Kind: protocol.WorkDoneProgressKindBegin, Title: title, Message: p.message(0)})
	return p
}

func (p *progress) message(done int) string { return fmt.Sprintf("%d/%d %s", done, p.total, p.noun) }

// report says done of total are finished; it sends at most one report per
// percent.
func (p *progress) report(done int) {
	if p == nil || p.total == 0 {
		return
	}
	pct := uint32(done * 100 / p.total)
	if pct == p.last {
		return
	}
	p.last = pct
	p.send(protocol.WorkDoneProgressReport{Kind: protocol.WorkDoneProgressKindReport, Message: p.message(done), Percentage: pct})
}

func (p *progress) end(done int) {
	if p == nil {
		return
	}
	p.send(protocol.WorkDoneProgressEnd{Kind: protocol.WorkDoneProgressKindEnd, Message: fmt.Sprintf("%s %d %s", p.done, done, p.noun)})
}

func (p *progress) send(value any) {
	p.s.notify(p.ctx, "$/progress", protocol.ProgressParams{Token: p.token, Value: value})
}
