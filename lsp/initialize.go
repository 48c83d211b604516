package lsp

import (
	"context"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"

	"github.com/dpls-dev/dpls/lsp/internal/protocol"
)

// Version is reported in initialize's serverInfo; cmd/dpls sets it.
var Version = "dev"

// initialize handles the initialize request: it records the client's
// capabilities and workspace folders and answers the server's capabilities.
func initialize(_ context.Context, s *Server, _ *snapshot, params []byte) (any, error) {
	p, err := decode[protocol.InitializeParams](params)
	if err != nil {
		return nil, err
	}
	extras, err := decode[initializeExtras](params)
	if err != nil {
		return nil, err
	}
	s.client = readClientInfo(p, extras)
	s.setFolders(initialFolders(p))
	if p.Trace != "" {
		s.trace.Store(p.Trace)
	}
	if !s.session.advance(phaseNew, phaseInitialized) {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "initialize: server already initialized")
	}
	s.log.Info("initialized", zap.Stringer("encoding", s.client.enc), zap.Strings("folders", s.foldersNow()))
	return struct {
		Capabilities serverCapabilities  `json:"capabilities"`
		ServerInfo   protocol.ServerInfo `json:"serverInfo"`
	}{capabilities(s.client), protocol.ServerInfo{Name: "dpls", Version: Version}}, nil
}

// initialFolders are the workspace folders, or the root of older clients.
func initialFolders(p protocol.InitializeParams) []string {
	var out []string
	for _, f := range p.WorkspaceFolders {
		out = append(out, fileName(protocol.DocumentURI(f.URI)))
	}
	switch {
	case len(out) > 0:
	case p.RootURI != "":
		out = append(out, fileName(p.RootURI))
	case p.RootPath != "":
		out = append(out, p.RootPath)
	}
	return out
}
