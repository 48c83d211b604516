" DPL syntax: block headers (KIND NAME {), keys, strings with escapes,
" numbers, booleans and the three comment forms.
if exists('b:current_syntax')
  finish
endif

syntax match dplBlockKind /^\s*\zs\h[[:alnum:]_-]*\ze\s\+\h[[:alnum:]_-]*\s*{/ nextgroup=dplBlockName skipwhite
syntax match dplBlockName /\h[[:alnum:]_-]*/ contained
syntax match dplKey /\h[[:alnum:]_-]*\ze\s*:/
syntax region dplString start=/"/ skip=/\\\\\|\\"/ end=/"/ oneline contains=dplEscape
syntax match dplEscape /\\\(["\\nt]\|u\x\{4}\)/ contained
syntax match dplNumber /-\=\<\d\+\(\.\d\+\)\=\>/
syntax keyword dplBoolean true false
syntax match dplComment +//.*$+ contains=@Spell
syntax match dplComment /#.*$/ contains=@Spell
syntax region dplComment start=+/\*+ end=+\*/+ contains=@Spell

highlight default link dplBlockKind Keyword
highlight default link dplBlockName Type
highlight default link dplKey Identifier
highlight default link dplString String
highlight default link dplEscape SpecialChar
highlight default link dplNumber Number
highlight default link dplBoolean Boolean
highlight default link dplComment Comment

let b:current_syntax = 'dpl'
