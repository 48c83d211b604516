" ALE runs dpls as an LSP linter for dpl buffers: diagnostics, :ALEHover,
" ALE's completion, :ALEGoToDefinition, :ALEFindReferences, :ALERename and
" :ALECodeAction. Only with `let g:dpls_lsp = 'ale'`, so that ALE and the
" plugin's built-in client do not both start a server.
if get(g:, 'dpls_lsp', 'builtin') !=# 'ale'
  finish
endif

call ale#Set('dpl_dpls_executable', 'dpls')

call ale#linter#Define('dpl', {
\   'name': 'dpls',
\   'lsp': 'stdio',
\   'executable': {b -> ale#Var(b, 'dpl_dpls_executable')},
\   'command': '%e',
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
