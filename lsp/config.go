package lsp

import (
	"context"
	"maps"

	"github.com/segmentio/encoding/json"
	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/internal/dplfs"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// configSection is the settings section of dpls in the editor; its shape
// is analysis.RawConfig's JSON: {rules: {CODE: severity}, disabled: [...],
// generate: {...}}.
const configSection = "dpls"

// configSources are the two places settings come from. The editor's
// settings are layered over the workspace's .dpls.yaml: a rule severity set
// in the editor wins, disabled rules add up, generate settings the editor
// gives replace the file's.
type configSources struct {
	file, editor analysis.Config
}

func (c configSources) merged() analysis.Config {
	out := analysis.Config{
		Severity: maps.Clone(c.file.Severity),
		Disabled: maps.Clone(c.file.Disabled),
		Generate: c.file.Generate,
	}
	if out.Severity == nil {
		out.Severity = map[string]rule.Severity{}
	}
	if out.Disabled == nil {
		out.Disabled = map[string]bool{}
	}
	maps.Copy(out.Severity, c.editor.Severity)
	maps.Copy(out.Disabled, c.editor.Disabled)
	g := c.editor.Generate
	if len(g.Targets) > 0 {
		out.Generate.Targets = g.Targets
	}
	if g.OutputDir != "" {
		out.Generate.OutputDir = g.OutputDir
	}
	if len(g.Options) > 0 {
		out.Generate.Options = g.Options
	}
	return out
}

// setConfig changes one source and installs the merged configuration.
func (s *Server) setConfig(change func(c *configSources)) {
	s.update(func(cur *snapshot) *snapshot {
		change(&s.config)
		return &snapshot{ws: cur.ws.WithConfig(s.config.merged()), docs: cur.docs}
	})
	s.pub.changed()
}

// loadConfig reads the workspace's .dpls.yaml (loadFileConfig) and pulls
// the editor's settings when the client supports workspace/configuration.
func (s *Server) loadConfig(ctx context.Context) {
	s.loadFileConfig(ctx)
	s.pullConfig(ctx)
}

// loadFileConfig reads the .dpls.yaml that governs the first workspace
// folder: the nearest one at or above it (dplfs.LoadConfig), the same file
// `dpls check` reads when run there, so a folder opened below the project
// root still gets the project's settings. Without a folder, or without a
// file, every rule has its default severity; an unreadable or invalid file
// is reported to the user and also means defaults. The file found is then
// watched when it lies above the workspace (watchSettingsAbove).
func (s *Server) loadFileConfig(ctx context.Context) {
	cfg, folder, path := analysis.Config{}, "", ""
	if folders := s.foldersNow(); len(folders) > 0 {
		folder = folders[0]
		parsed, found, err := dplfs.LoadConfig(folder)
		if err != nil {
			s.warnUser(ctx, "dpls: settings file ignored, using defaults: "+err.Error())
		} else {
			cfg = parsed
		}
		path = found
	}
	s.setConfig(func(c *configSources) { c.file = cfg })
	s.watchSettingsAbove(ctx, folder, path)
}

// pullConfig asks the client for the dpls section.
func (s *Server) pullConfig(ctx context.Context) {
	if !s.client.configuration {
		return
	}
	var res []json.RawMessage
	params := protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: configSection}}}
	if err := s.call(ctx, "workspace/configuration", params, &res); err != nil {
		s.log.Warn("workspace/configuration failed", zap.Error(err))
		return
	}
	if len(res) > 0 {
		s.applyEditorSettings(ctx, res[0])
	}
}

// applyEditorSettings installs the editor's dpls settings; invalid entries
// are reported and skipped, the valid ones apply.
func (s *Server) applyEditorSettings(ctx context.Context, raw json.RawMessage) {
	var rc analysis.RawConfig
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &rc); err != nil {
			s.warnUser(ctx, "dpls: settings ignored: "+err.Error())
			return
		}
	}
	cfg, err := rc.Config()
	if err != nil {
		s.warnUser(ctx, "dpls: settings: "+err.Error())
	}
	s.setConfig(func(c *configSources) { c.editor = cfg })
}

// warnUser shows a warning in the editor and logs it.
func (s *Server) warnUser(ctx context.Context, msg string) {
	s.log.Warn(msg)
	s.notify(ctx, "window/showMessage", protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: msg})
}
