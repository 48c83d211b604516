" ALE runs dpls as an LSP linter for dpl buffers: diagnostics, :ALEHover,
" ALE's completion, :ALEGoToDefinition, :ALEFindReferences, :ALERename and
" :ALECodeAction. Only with `let g:dpls_lsp = 'ale'`, so that ALE and the
" plugin's built-in client do not both start a server.
if get(g:, 'dpls_lsp', 'builtin') !=# 'ale'
  finish
endif

call ale#Set('dpl_dpls_executable', 'dpls')

" ALE runs the command through 'shell'. `exec` makes the server the job
" itself, so ALE's stop signal reaches dpls, which exits cleanly on it;
" without it a shell that does not exec its last command (dash, Debian's
" /bin/sh) is the job, dies of the signal, and leaves the server behind
" until its stdin closes.

call ale#linter#Define('dpl', {
\   'name': 'dpls',
\   'lsp': 'stdio',
\   'executable': {b -> ale#Var(b, 'dpl_dpls_executable')},
\   'command': has('win32') ? '%e' : 'exec %e',
\   'project_root': {b -> s:root(b)},
\   'lsp_config': {b -> {'dpls': get(g:, 'dpls_settings', {})}},
\})

" The nearest directory with .dpls.yaml or .git, else the file's directory.
function! s:root(buf) abort
  let dir = fnamemodify(bufname(a:buf), ':p:h')
  let found = findfile('.dpls.yaml', dir . ';')
  if found ==# ''
    let found = finddir('.git', dir . ';')
  endif
  return found ==# '' ? dir : fnamemodify(found, ':p:h:h')
endfunction
