" ALE (Debian vim-ale) running dpls through the plugin's linter definition:
" diagnostics, hover and completion requests, and the server exiting with
" status 0 when ALE closes its stdin (ALE stops servers without shutdown).
"
"   DPLS_CMD=bin/dpls vim -Nu NONE -i NONE -es -S editors/vim/test/ale_test.vim
let s:here = expand('<sfile>:p:h')
execute 'source ' . fnameescape(s:here . '/harness.vim')

let s:responses = {}
function! s:OnResponse(name, response) abort
  let s:responses[a:name] = get(a:response, 'result', v:null)
endfunction

function! s:dpls_jobs() abort
  " ALE starts its commands through the shell: match the whole command line.
  return filter(job_info(), {_, j -> stridx(join(job_info(j).cmd), g:ale_dpl_dpls_executable) >= 0})
endfunction

function! s:run() abort
  " ALE wraps the command in 'shell'. Debian's /bin/sh (dash) does not exec
  " a lone command, so the linter must: pin the shell so that this test
  " checks the same thing on every machine, whatever $SHELL says.
  set shell=/bin/sh
  let g:dpls_lsp = 'ale'
  let g:ale_dpl_dpls_executable = empty($DPLS_CMD) ? 'dpls' : $DPLS_CMD
  let g:ale_linters = {'dpl': ['dpls']}
  execute 'set runtimepath^=' . fnameescape(g:test_plugin_dir)
  filetype plugin indent on
  packadd ale
  runtime plugin/dpls.vim

  let dir = tempname()
  call mkdir(dir, 'p')
  call writefile(readfile(s:here . '/broken.dpl'), dir . '/broken.dpl')
  execute 'edit ' . fnameescape(dir . '/broken.dpl')
  let buf = bufnr('')
  call Check(&filetype ==# 'dpl', 'filetype dpl')
  call Check(!dpls#running(), 'the built-in client stays off with g:dpls_lsp = "ale"')
  ALELint

  call Check(WaitFor({-> !empty(ale#engine#GetLoclist(buf))}, 10000), 'diagnostics arrived')
  let items = ale#engine#GetLoclist(buf)
  call Check(len(items) == 1, 'one diagnostic, got ' . len(items))
  let d = items[0]
  call Check([d.lnum, d.col, d.end_lnum, d.end_col] == [1, 1, 1, 15], 'range ' . string([d.lnum, d.col, d.end_lnum, d.end_col]))
  call Check(d.type ==# 'E' && d.linter_name ==# 'dpls', 'an error from dpls')
  call Check(d.text ==# 'unknown block kind fault_tolerence; did you mean fault_tolerance?', 'text: ' . d.text)
  call Check(get(d, 'code', '') ==# 'DPL001', 'code ' . get(d, 'code', ''))

  call ale#lsp_linter#SendRequest(buf, 'dpls', ale#lsp#message#Hover(buf, 6, 4), function('s:OnResponse', ['hover']))
  call ale#lsp_linter#SendRequest(buf, 'dpls', ale#lsp#message#Completion(buf, 6, 3, ''), function('s:OnResponse', ['completion']))
  call Check(WaitFor({-> len(s:responses) == 2}, 10000), 'hover and completion answered')
  let hover = get(get(get(s:responses, 'hover', {}), 'contents', {}), 'value', '')
  call Check(stridx(hover, '**`timeout` · duration · per attempt**') == 0, 'hover: ' . get(split(hover, "\n"), 0, ''))
  let completion = get(s:responses, 'completion', {})
  let labels = map(copy(type(completion) == v:t_dict ? completion.items : completion), 'v:val.label')
  for want in ['retry', 'circuit_breaker', 'bulkhead']
    call Check(index(labels, want) >= 0, 'completion offers ' . want)
  endfor

  let jobs = s:dpls_jobs()
  call Check(len(jobs) == 1, 'one dpls job')
  ALEStopAllLSPs
  call Check(WaitFor({-> job_status(jobs[0]) ==# 'dead'}, 5000), 'server exited when ALE closed its stdin')
  let info = job_info(jobs[0])
  call Check(info.exitval == 0, 'exit status ' . info.exitval . (get(info, 'termsig', '') ==# '' ? '' : ', killed by ' . info.termsig))
endfunction

try
  call s:run()
catch
  call Check(0, 'ERROR ' . v:exception . ' at ' . v:throwpoint)
endtry
call Finish('vim ale')
