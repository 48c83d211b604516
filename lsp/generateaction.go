package lsp

import (
	"strings"

	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/codeactions"
	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/registry"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// generateKind is the parent kind of the generator actions. They are
// source actions ("source.generate.kubernetes"): VS Code lists them under
// "Source Action…" and keeps them out of the quick-fix lightbulb, which
// suits an action that writes files rather than fixing the cursor's code.
const generateKind codeactions.Kind = "source.generate"

// genAction is a code action carrying a generation edit, or disabled with
// the reason it cannot run (LSP 3.16 `disabled`): an edited or foreign file
// in the way, or nothing to write.
type genAction struct {
	Title    string                  `json:"title"`
	Kind     protocol.CodeActionKind `json:"kind"`
	Edit     *genEdit                `json:"edit,omitempty"`
	Disabled *actionDisabled         `json:"disabled,omitempty"`
}

type actionDisabled struct {
	Reason string `json:"reason"`
}

// generateActions offers, on any position of a block some target consumes,
// one action per such target and one for every target of the service. The
// generation notes are not shown by the action: each generated file
// carries them as comments, and the dpls.generate command shows them.
// Clients that cannot create files through a workspace edit get none.
//
// Planning runs the generators (milliseconds for a block many targets
// read), so an automatic request (the lightbulb, on every cursor move) gets
// none unless it names source.generate: editors show source actions only
// when the user asks for them (VS Code's "Source Action…"), and an
// automatic request for plain "source" (code actions on save) must never
// write files.
func (s *Server) generateActions(snap *snapshot, doc *document, req codeactions.Request, automatic bool) []genAction {
	if !s.client.createFiles || automatic && !asksForGenerate(req.Only) {
		return nil
	}
	f := snap.ws.File(doc.name)
	if f == nil {
		return nil
	}
	b := f.BlockAt(req.Span.Start)
	if b == nil || b.Name.Text == "" {
		return nil
	}
	ts := registry.ForKind(b.Kind.Text)
	if len(ts) == 0 {
		return nil
	}
	cfg := snap.ws.Config()
	dir, err := s.outputDir(cfg.Generate.OutputDir, doc.name)
	if err != nil {
		s.log.Debug("no generator actions", zap.Error(err))
		return nil
	}
	svc := b.Name.Text
	var out []genAction
	for _, t := range ts {
		kind := generateKind + codeactions.Kind("."+t.Name)
		if req.Wants(kind) {
			out = append(out, s.genAction(snap, dir, "Generate "+t.Title+" for "+svc, kind, svc, []generators.Target{t}))
		}
	}
	if kind := generateKind + ".all"; req.Wants(kind) {
		out = append(out, s.genAction(snap, dir, "Generate all for "+svc, kind, svc, s.configuredTargets(cfg)))
	}
	return out
}

func (s *Server) genAction(snap *snapshot, dir, title string, kind codeactions.Kind, svc string, ts []generators.Target) genAction {
	a := genAction{Title: title, Kind: protocol.CodeActionKind(kind)}
	p, err := s.plan(snap.ws, dir, []string{svc}, ts)
	switch {
	case err != nil:
		a.Disabled = &actionDisabled{Reason: err.Error()}
	case len(p.refused) > 0:
		a.Disabled = &actionDisabled{Reason: p.refusal()}
	case p.files == 0:
		a.Disabled = &actionDisabled{Reason: "the generated files are up to date"}
	default:
		a.Edit = &p.edit
	}
	return a
}

// configuredTargets are the targets generate.targets names, or every
// target when it names none; unknown names are logged and skipped (the
// settings are checked where they are read).
func (s *Server) configuredTargets(cfg analysis.Config) []generators.Target {
	if len(cfg.Generate.Targets) == 0 {
		return registry.Default()
	}
	var out []generators.Target
	for _, n := range cfg.Generate.Targets {
		t, err := registry.Lookup(n)
		if err != nil {
			s.log.Warn("generate.targets", zap.Error(err))
			continue
		}
		out = append(out, t)
	}
	return out
}

// asksForGenerate reports whether only names source.generate or one of its
// sub-kinds.
func asksForGenerate(only []codeactions.Kind) bool {
	for _, k := range only {
		if k == generateKind || strings.HasPrefix(string(k), string(generateKind)+".") {
			return true
		}
	}
	return false
}
