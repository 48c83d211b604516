// Package codeactions turns what dpls knows about a range of a file into
// code actions: titled edits an editor offers in its light-bulb menu. Today
// the only source is the analysis's quick fixes — the fixes a rule attached
// to its finding, offered wherever the finding is; the generator actions
// ("generate Kubernetes manifests for this block") will join the same
// registry as another Source.
//
// Everything here is editor-neutral: actions carry byte spans and
// rule.TextEdits, and the LSP layer converts them to protocol types. The
// package offers only fixes a rule attached: it never invents an edit.
package codeactions
