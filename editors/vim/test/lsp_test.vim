" The plugin's built-in client (Vim's "lsp" channel mode) against the real
" dpls: diagnostics, completion, hover, the quick fix, re-diagnosis, and the
" server exiting with status 0 when its stdin closes without shutdown.
"
"   DPLS_CMD=bin/dpls vim -Nu NONE -i NONE -es -S editors/vim/test/lsp_test.vim
let s:here = expand('<sfile>:p:h')
execute 'source ' . fnameescape(s:here . '/harness.vim')

function! s:run() abort
  execute 'set runtimepath^=' . fnameescape(g:test_plugin_dir)
  filetype plugin indent on
  syntax on
  let g:dpls_command = [empty($DPLS_CMD) ? 'dpls' : $DPLS_CMD]
  let g:dpls_change_delay = 0
  " Pushed with workspace/didChangeConfiguration after initialize.
  let g:dpls_settings = {'rules': {'DPL001': 'warning'}}
  runtime plugin/dpls.vim

  let root = tempname()
  call mkdir(root . '/services', 'p')
  call writefile(['disabled: []'], root . '/.dpls.yaml')
  call writefile(readfile(s:here . '/broken.dpl'), root . '/services/broken.dpl')
  execute 'edit ' . fnameescape(root . '/services/broken.dpl')
  let buf = bufnr('')
  call Check(&filetype ==# 'dpl', 'filetype dpl')
  call Check(&omnifunc ==# 'dpls#complete' && &shiftwidth == 2, 'ftplugin: omnifunc and shiftwidth')
  call Check(synIDattr(synID(5, 1, 1), 'name') ==# 'dplBlockKind', 'syntax: block kind')
  call Check(synIDattr(synID(6, 3, 1), 'name') ==# 'dplKey', 'syntax: key')
  call Check(DplIndent(6) == 2 && DplIndent(7) == 0, 'indent: member 2, closing brace 0')
  call Check(dpls#running(), 'server started')

  call Check(WaitFor({-> get(get(dpls#diagnostics(buf), 0, {}), 'type', '') ==# 'W'}, 10000), 'diagnostics arrived, a warning as g:dpls_settings says')
  let diags = dpls#diagnostics(buf)
  call Check(len(diags) == 1, 'one diagnostic, got ' . len(diags))
  let d = diags[0]
  call Check([d.lnum, d.col, d.end_lnum, d.end_col] == [1, 1, 1, 15], 'range ' . string([d.lnum, d.col, d.end_lnum, d.end_col]))
  call Check(d.text ==# 'DPL001: unknown block kind fault_tolerence; did you mean fault_tolerance?', 'text: ' . d.text)
  call Check(len(getloclist(0)) == 1, 'location list filled')
  call Check(len(sign_getplaced(buf, {'group': 'dpls'})[0].signs) == 1, 'sign placed')

  call cursor(6, 3)
  let words = map(dpls#complete(0, ''), 'v:val.word')
  for want in ['retry', 'circuit_breaker', 'bulkhead']
    call Check(index(words, want) >= 0, 'completion offers ' . want)
  endfor
  call cursor(6, 3)
  call Check(dpls#complete(1, '') == 2, 'completion starts at the cursor before a word')
  call cursor(6, 6)
  call Check(dpls#complete(1, '') == 2, 'completion starts at the word being typed')
  call Check(map(dpls#complete(0, 'ci'), 'v:val.word') == ['circuit_breaker'], 'completion filtered by the typed text')
  call cursor(1, 1)
  call Check(dpls#complete(1, '') == 0, 'completion at the start of a line')

  call cursor(6, 4)
  let hover = dpls#hover()
  call Check(stridx(hover, '**`timeout` · duration · per attempt**') == 0, 'hover: ' . split(hover, "\n")[0])

  call cursor(1, 4)
  call Check(dpls#code_action() ==# 'Change to fault_tolerance', 'quick fix applied by title')
  call Check(getline(1) ==# 'fault_tolerance OrderService {', 'line 1: ' . getline(1))
  call Check(line('$') == 7, 'no lines added or lost')
  " Ex mode has no main loop, so TextChanged never fires: call what the
  " plugin's autocommand calls.
  call dpls#changed(buf)
  call Check(WaitFor({-> empty(dpls#diagnostics(buf))}, 10000), 'diagnostics cleared after the fix')

  " Closing stdin without shutdown: dpls must exit by itself, with status 0.
  let job = dpls#job()
  call ch_close_in(job_getchannel(job))
  call Check(WaitFor({-> job_status(job) !=# 'run'}, 5000), 'server exited when stdin closed')
  call Check(job_info(job).exitval == 0, 'exit status ' . job_info(job).exitval)
endfunction

try
  call s:run()
catch
  call Check(0, 'ERROR ' . v:exception . ' at ' . v:throwpoint)
endtry
call Finish('vim built-in lsp')
