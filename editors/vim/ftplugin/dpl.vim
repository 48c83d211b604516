" DPL buffer settings: the comment forms the grammar accepts and the
" two-space indentation `dpls fmt` writes.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=s1:/*,mb:*,ex:*/,://,:#
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal iskeyword+=-
" dpls#complete asks the language server (see plugin/dpls.vim).
setlocal omnifunc=dpls#complete

let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword< omnifunc<'
