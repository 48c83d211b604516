package lsp

import (
	"context"
	"fmt"

	"github.com/segmentio/encoding/json"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/registry"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// The commands of workspace/executeCommand, advertised in capabilities.go.
const (
	// cmdGenerate generates for one service: one target, the targets of
	// one block kind (a code lens), or every configured target.
	cmdGenerate = "dpls.generate"
	// cmdGenerateWorkspace generates every configured target for every
	// service of the workspace.
	cmdGenerateWorkspace = "dpls.generateWorkspace"
)

// generateArgs is the one argument of both commands. URI is a file (or,
// for dpls.generateWorkspace, a folder) whose workspace folder receives
// the output; dpls.generateWorkspace without it uses the first folder.
type generateArgs struct {
	URI     protocol.DocumentURI `json:"uri"`
	Service string               `json:"service,omitempty"`
	Target  string               `json:"target,omitempty"`
	Kind    string               `json:"kind,omitempty"`
}

// generateResult is the command's answer: what was written and what was
// refused (the same is shown to the user with window/showMessage).
type generateResult struct {
	Applied   bool     `json:"applied"`
	Files     int      `json:"files"`
	Unchanged int      `json:"unchanged"`
	Refused   []string `json:"refused"`
	Notes     []string `json:"notes"`
}

// executeCommand handles workspace/executeCommand: it plans the generation,
// asks the client to apply it with workspace/applyEdit (one edit, so one
// undo), then shows a summary with the generators' notes in
// window/showMessage. Edited or foreign files are never replaced.
func executeCommand(ctx context.Context, s *Server, snap *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.ExecuteCommandParams](params)
	if err != nil {
		return nil, err
	}
	var args generateArgs
	if len(p.Arguments) > 0 {
		raw, err := json.Marshal(p.Arguments[0])
		if err == nil {
			err = json.Unmarshal(raw, &args)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: bad argument: %w", p.Command, err)
		}
	}
	if !s.client.createFiles {
		return nil, fmt.Errorf("%s: the editor cannot create files through workspace edits (workspaceEdit.resourceOperations)", p.Command)
	}
	switch p.Command {
	case cmdGenerate:
		return s.generateService(ctx, snap, args)
	case cmdGenerateWorkspace:
		return s.generateWorkspace(ctx, snap, args)
	}
	return nil, fmt.Errorf("unknown command %q", p.Command)
}

func (s *Server) generateService(ctx context.Context, snap *snapshot, args generateArgs) (any, error) {
	if args.URI == "" || args.Service == "" {
		return nil, fmt.Errorf("%s needs uri and service", cmdGenerate)
	}
	var ts []generators.Target
	switch {
	case args.Target != "":
		t, err := registry.Lookup(args.Target)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cmdGenerate, err)
		}
		ts = []generators.Target{t}
	case args.Kind != "":
		ts = registry.ForKind(args.Kind)
	default:
		ts = s.configuredTargets(snap.ws.Config())
	}
	dir, err := s.outputDir(snap.ws.Config().Generate.OutputDir, fileName(args.URI))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmdGenerate, err)
	}
	pl, err := s.plan(snap.ws, dir, []string{args.Service}, ts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmdGenerate, err)
	}
	return s.applyPlan(ctx, "Generate for "+args.Service, pl)
}

func (s *Server) generateWorkspace(ctx context.Context, snap *snapshot, args generateArgs) (any, error) {
	at := ""
	if args.URI != "" {
		at = fileName(args.URI)
	} else if folders := s.foldersNow(); len(folders) > 0 {
		at = folders[0]
	}
	dir, err := s.outputDir(snap.ws.Config().Generate.OutputDir, at)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmdGenerateWorkspace, err)
	}
	idx := snap.ws.Index()
	names := idx.Names()
	ts := s.configuredTargets(snap.ws.Config())
	prog := s.beginProgressOf(ctx, "Generating", "services", "generated", len(names))
	var outs []registry.Output
	for i, n := range names {
		if ctx.Err() != nil {
			prog.end(i)
			return nil, ctx.Err()
		}
		o, err := registry.GenerateFor(idx, n, ts)
		if err != nil {
			prog.end(i)
			return nil, fmt.Errorf("%s: %w", cmdGenerateWorkspace, err)
		}
		outs = append(outs, o...)
		prog.report(i + 1)
	}
	prog.end(len(names))
	// One gate over every service, as `dpls generate --target all`: an
	// error anywhere generation reads stops the whole edit.
	all, err := s.planOutputs(snap.ws, dir, outs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmdGenerateWorkspace, err)
	}
	return s.applyPlan(ctx, "Generate workspace", all)
}

// applyPlan sends the edit (when there is one) and reports the outcome.
func (s *Server) applyPlan(ctx context.Context, label string, pl genPlan) (generateResult, error) {
	res := generateResult{Files: pl.files, Unchanged: pl.unchanged, Refused: pl.refused, Notes: []string{}}
	if res.Refused == nil {
		res.Refused = []string{}
	}
	for _, n := range pl.notes {
		res.Notes = append(res.Notes, n.String())
	}
	if pl.files > 0 {
		var ans struct {
			Applied       bool   `json:"applied"`
			FailureReason string `json:"failureReason"`
		}
		params := struct {
			Label string  `json:"label"`
			Edit  genEdit `json:"edit"`
		}{label, pl.edit}
		if err := s.call(ctx, "workspace/applyEdit", params, &ans); err != nil {
			return res, fmt.Errorf("%s: workspace/applyEdit: %w", label, err)
		}
		if !ans.Applied {
			s.warnUser(ctx, fmt.Sprintf("%s: the editor did not apply the edit: %s", label, ans.FailureReason))
			return res, nil
		}
		res.Applied = true
	}
	typ := protocol.MessageTypeInfo
	if len(pl.refused) > 0 {
		typ = protocol.MessageTypeWarning
	}
	s.notify(ctx, "window/showMessage", protocol.ShowMessageParams{Type: typ, Message: pl.summary(label)})
	return res, nil
}
