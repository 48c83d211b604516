// Package report renders diagnostics for `dpls check`: text for people, a
// documented JSON schema for scripts, SARIF 2.1.0 for code-scanning services
// and GitHub workflow commands for pull-request annotations. It only formats:
// the diagnostics and the text of their files come in, bytes go out to an
// io.Writer. Which findings to show, and whether to colour them, is the
// caller's decision.
//
// Positions. Diagnostics carry byte offsets. Lines are 1-based everywhere.
// Columns are 1-based and counted in bytes of UTF-8 in the text and JSON
// formats, as gcc's byte unit, go vet and Vim's quickfix (%c) count them, so
// a column is the offset from the line start plus one and a script can
// slice the line with it. SARIF counts columns in UTF-16 code units, its
// default columnKind (declared explicitly in each run), and the GitHub format
// follows it, since both feed GitHub's web views. The JSON format also gives
// the byte offsets themselves.
package report
