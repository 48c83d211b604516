; Blocks fold through their body object; nested objects and arrays fold on
; their own. Editors fold only nodes that span lines.

[
  (object)
  (array)
] @fold

((comment) @fold
  (#match? @fold "^/\\*"))
