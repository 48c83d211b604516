// Package format prints DPL source in its one canonical layout, the form
// `dpls fmt` writes and the language server's formatting requests return.
//
// The canonical form, and why each rule is what it is:
//
//   - Top-level blocks `KIND NAME {` are separated by exactly one blank line;
//     a block body always has one member per line, as the language
//     reference shows every example.
//   - Inside objects and arrays a run of blank lines the author left between
//     two members or elements becomes exactly one; blank lines directly
//     after an opening or before a closing bracket go. Authors group fields
//     with blank lines, and the formatter must not undo that grouping.
//   - A nested object or array stays on one line when the author wrote it on
//     one line, it holds no comment and it fits in LineWidth columns (100).
//     One-line objects are written `{ a: 1, b: 2 }`, one-line arrays
//     `["a", "b"]`, empty ones `{}` and `[]`. Width counts characters
//     (runes), a tab as IndentWidth. Everything else is multi-line:
//     an object gets one member per line and no commas, an array one element
//     per line with a comma after every element but the last. Those are the
//     layouts of the draft's examples, so they are already canonical; going
//     by what the author wrote (not by length alone) keeps a short list the
//     author spread out spread out, and a formatter that never joins lines
//     cannot fight its own output.
//   - `key: value` with one space after the colon; strings and numbers are
//     copied byte for byte (an escape is never rewritten).
//   - Comments are copied byte for byte (only trailing blanks of `//` and `#`
//     comments go) and stay where they are: a comment on a line of its own
//     stays on a line of its own, re-indented; a comment after code stays at
//     the end of that line, one space after it; a block comment that opens
//     a line before code stays in front of that code. A line comment inside
//     a member or block header ends the line and the member continues on the
//     next one.
//   - No trailing whitespace; the file ends with exactly one newline (an
//     empty file stays empty). Line ends are LF, unless every line of the
//     input ends in CRLF: then the output keeps CRLF, so that Windows users
//     who chose CRLF do not get a whole-file diff.
//
// A file with a syntax error is never rewritten: every entry point returns a
// *SyntaxError instead, because guessing the structure of broken text can
// only lose what the author typed.
//
// Formatting only changes the whitespace and the optional commas between
// tokens; every other token is copied. Edits and Range therefore return one
// small edit per changed gap between two tokens, which lets an editor keep
// the cursor, marks and folds on the text it did not touch.
package format
