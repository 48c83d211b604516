; nvim-treesitter indents: the members of an object and the elements of an
; array are indented one level; the closing bracket returns to the level of
; the line that opened it. (Helix spells these @indent and @outdent; its copy
; lives with the Helix editor files.)

[
  (object)
  (array)
] @indent.begin

[
  "}"
  "]"
] @indent.branch @indent.end

(comment) @indent.auto
