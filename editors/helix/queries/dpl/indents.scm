; Helix indents (book: guides/indent.md): the members of an object and the
; elements of an array are one level in, and the closing bracket goes back
; out. nvim-treesitter spells these @indent.begin and @indent.branch.

[
  (object)
  (array)
] @indent

[
  "}"
  "]"
] @outdent
