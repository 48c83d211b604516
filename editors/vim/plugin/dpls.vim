" dpls for Vim: starts the built-in client (autoload/dpls.vim) for dpl
" buffers. With `let g:dpls_lsp = 'ale'` ALE runs dpls instead (the linter
" is ale_linters/dpl/dpls.vim); with 'none' nothing starts.
if exists('g:loaded_dpls') || !has('channel') || !has('job')
  finish
endif
let g:loaded_dpls = 1

call sign_define('DplsE', {'text': 'E>', 'texthl': 'ErrorMsg'})
call sign_define('DplsW', {'text': 'W>', 'texthl': 'WarningMsg'})
call sign_define('DplsI', {'text': 'I>', 'texthl': 'Question'})
call sign_define('DplsN', {'text': 'H>', 'texthl': 'Comment'})

function! s:attach(buf) abort
  if get(g:, 'dpls_lsp', 'builtin') !=# 'builtin'
    return
  endif
  call dpls#attach(a:buf)
  augroup dpls_buffer
    execute 'autocmd! * <buffer=' . a:buf . '>'
    execute 'autocmd TextChanged,TextChangedI <buffer=' . a:buf . '> call dpls#changed(' . a:buf . ')'
    execute 'autocmd InsertLeave,BufWritePre <buffer=' . a:buf . '> call dpls#sync(' . a:buf . ')'
    execute 'autocmd BufUnload <buffer=' . a:buf . '> call dpls#detach(' . a:buf . ')'
  augroup END
endfunction

augroup dpls
  autocmd!
  autocmd FileType dpl call s:attach(str2nr(expand('<abuf>')))
  autocmd VimLeavePre * call dpls#stop()
augroup END

command! DplsHover call dpls#hover()
command! DplsCodeAction call dpls#code_action()
command! DplsFormat call dpls#format()
command! DplsDefinition call dpls#definition()
command! DplsDiagnostics call setloclist(0, [], 'r', {'title': 'dpls', 'items': dpls#diagnostics(bufnr(''))}) | lopen
