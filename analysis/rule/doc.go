// Package rule defines what a diagnostic rule is and what it reports: a
// stable code, a default severity, its documentation, a check over one block
// or over the whole workspace, and quick fixes attached as data (text edits)
// that codeactions offers as they are. The rules themselves live in
// analysis/rules, one per file; package analysis runs them.
package rule
