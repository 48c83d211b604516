; Helix textobjects (book: guides/textobject.md). A block is DPL's "type":
; `mit` selects a block's body, `mat` the whole block and `]t` jumps to the
; next one. A member is an entry (`mie` its value, `mae` the member), and
; comments are comments.

(block
  body: (object) @class.inside) @class.around

(member
  value: (_) @entry.inside) @entry.around

(array
  (_) @entry.around)

(comment) @comment.inside

(comment)+ @comment.around
