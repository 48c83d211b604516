; DPL highlights in Helix's capture names (book: themes.md, "Syntax
; highlighting"). They differ from grammar/queries/highlights.scm, which uses
; nvim-treesitter's names: numbers are constant.numeric.*, booleans
; constant.builtin.boolean, keys variable.other.member, escapes
; constant.character.escape, and comments say whether they are line or block.
;
; No two patterns match the same node (the number and comment variants are
; split with mutually exclusive predicates), so the result does not depend
; on whether a Helix version lets the first or the last matching pattern win.

(block
  kind: (identifier) @keyword)

(block
  name: (identifier) @type)

(member
  key: (identifier) @variable.other.member)

(string) @string

(escape_sequence) @constant.character.escape

((number) @constant.numeric.float
  (#match? @constant.numeric.float "\\."))

((number) @constant.numeric.integer
  (#not-match? @constant.numeric.integer "\\."))

(boolean) @constant.builtin.boolean

((comment) @comment.block
  (#match? @comment.block "^/\\*"))

((comment) @comment.line
  (#not-match? @comment.line "^/\\*"))

[
  "{"
  "}"
  "["
  "]"
] @punctuation.bracket

[
  ":"
  ","
] @punctuation.delimiter
