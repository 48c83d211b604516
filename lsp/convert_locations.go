package lsp

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/lsp/internal/protocol"
	"github.com/dpls-dev/dpls/navigation"
)

// locations converts occurrences, in any file of the snapshot, to
// locations; never nil, so "none" is [] rather than null.
func (s *snapshot) locations(occs []navigation.Occurrence) []protocol.Location {
	out := make([]protocol.Location, 0, len(occs))
	for _, o := range occs {
		out = append(out, s.location(rule.Location{File: o.File, Span: o.Span}))
	}
	return out
}
