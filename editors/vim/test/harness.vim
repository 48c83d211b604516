" Shared by the Vim tests (run with vim -Nu NONE -i NONE -es -S FILE): one
" line per check on standard output, and Vim's exit status is the number of
" failures.
"
" The lines are printed at the end with :print, the one way silent Ex mode
" writes to Vim's own standard output. writefile() to /dev/stdout opens the
" file again: when stdout is a file that the calling shell keeps writing to,
" the shell's later output overwrites what Vim wrote.
" The server speaks UTF-8; without a UTF-8 locale (LANG unset, as in a bare
" CI shell) Vim would default to latin1 and compare hover text in the wrong
" encoding.
set encoding=utf-8
scriptencoding utf-8
let g:test_passes = 0
let g:test_failures = 0
let g:test_lines = []

function! Out(line) abort
  call extend(g:test_lines, split(a:line, "\n", 1))
endfunction

function! Check(ok, what) abort
  if a:ok
    let g:test_passes += 1
  else
    let g:test_failures += 1
  endif
  call Out((a:ok ? 'ok   ' : 'FAIL ') . a:what)
  return a:ok
endfunction

" WaitFor polls cond (a lambda) for up to ms milliseconds, letting channel
" and timer callbacks run.
function! WaitFor(cond, ms) abort
  let waited = 0
  while !a:cond() && waited < a:ms
    sleep 20m
    let waited += 20
  endwhile
  return a:cond()
endfunction

function! Finish(name) abort
  call Out(printf('%s: %d passed, %d failed', a:name, g:test_passes, g:test_failures))
  enew!
  call setline(1, g:test_lines)
  %print
  execute g:test_failures ? 'cquit! ' . g:test_failures : 'qall!'
endfunction

" The directory of the editors/vim plugin, for 'runtimepath'.
let g:test_plugin_dir = fnamemodify(expand('<sfile>'), ':p:h:h')
