; DPL names are workspace-wide: a block `fault_tolerance OrderService` is
; referred to from other files, by other blocks with the same name, and from
; strings in lists (`services: ["order-service"]`), which the analyzer
; resolves with normalization. None of that is expressible here, so this file
; only says what a single file can: the file is a scope and each block name
; defines a name in it. Go to definition and references come from the
; language server, not from these queries.

(source_file) @local.scope

(block
  name: (identifier) @local.definition)
