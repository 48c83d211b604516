; DPL highlights, in the capture names nvim-treesitter uses (Neovim 0.7's
; built-in table and 0.8+ `@capture` groups alike). Helix spells some of
; them differently (constant.numeric, constant.builtin.boolean,
; variable.other.member); its copy lives with the Helix editor files.
;
; The grammar does not know which block kinds exist: every kind is a keyword
; here, and the analyzer reports unknown ones.

(block
  kind: (identifier) @keyword)

(block
  name: (identifier) @type)

(member
  key: (identifier) @property)

(string) @string

(escape_sequence) @string.escape

(number) @number

(boolean) @boolean

(comment) @comment

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
