" A small LSP client for dpls on Vim's built-in "lsp" channel mode (Vim 9.0,
" +channel +job): one server per Vim, full-text sync, diagnostics as signs
" and the location list, completion as 'omnifunc', hover in a popup, code
" actions, formatting and go to definition. Positions are UTF-8 byte offsets,
" Vim's own columns: the client asks for the "utf-8" position encoding, which
" dpls grants.
"
" Options: g:dpls_command (list, default ['dpls']), g:dpls_settings (dict
" sent as the "dpls" settings section, e.g. {'rules': {'DPL001': 'warning'}}).

let s:job = v:null
let s:ch = v:null
let s:versions = {}   " bufnr -> document version sent last
let s:diags = {}      " bufnr -> quickfix items
let s:lsp_diags = {}  " bufnr -> the server's diagnostics, for code actions
let s:timers = {}     " bufnr -> pending didChange timer
let s:severity_type = {1: 'E', 2: 'W', 3: 'I', 4: 'N'}

function! s:command() abort
  let cmd = get(g:, 'dpls_command', ['dpls'])
  return type(cmd) == v:t_string ? [cmd] : cmd
endfunction

function! s:path_uri(path) abort
  return 'file://' . substitute(a:path, '[^A-Za-z0-9/._~-]', '\=printf("%%%02X", char2nr(submatch(0)))', 'g')
endfunction

function! s:uri(buf) abort
  return s:path_uri(fnamemodify(bufname(a:buf), ':p'))
endfunction

function! s:path(uri) abort
  return substitute(substitute(a:uri, '^file://', '', ''), '%\(\x\x\)', '\=nr2char(str2nr(submatch(1), 16))', 'g')
endfunction

" The workspace root: the nearest directory with .dpls.yaml or .git.
function! s:root(buf) abort
  let dir = fnamemodify(bufname(a:buf), ':p:h')
  let found = findfile('.dpls.yaml', dir . ';')
  if found ==# ''
    let found = finddir('.git', dir . ';')
  endif
  return found ==# '' ? dir : fnamemodify(found, ':p:h:h')
endfunction

function! dpls#running() abort
  return s:job isnot v:null && job_status(s:job) ==# 'run'
endfunction

" The job, for callers that need its status (tests, statuslines).
function! dpls#job() abort
  return s:job
endfunction

function! s:start(buf) abort
  let s:job = job_start(s:command(), {
        \ 'in_mode': 'lsp', 'out_mode': 'lsp', 'err_mode': 'nl',
        \ 'callback': function('s:on_message'),
        \ 'err_cb': function('s:on_stderr'),
        \ 'noblock': 1})
  if job_status(s:job) !=# 'run'
    echoerr 'dpls: cannot start ' . string(s:command())
    return 0
  endif
  let s:ch = job_getchannel(s:job)
  let root = s:root(a:buf)
  let root_uri = s:path_uri(root)
  try
    let init = ch_evalexpr(s:ch, {'method': 'initialize', 'params': {
          \ 'processId': getpid(),
          \ 'clientInfo': {'name': 'vim', 'version': string(v:version)},
          \ 'rootUri': root_uri,
          \ 'workspaceFolders': [{'uri': root_uri, 'name': fnamemodify(root, ':t')}],
          \ 'capabilities': {
          \   'general': {'positionEncodings': ['utf-8']},
          \   'textDocument': {
          \     'publishDiagnostics': {},
          \     'hover': {'contentFormat': ['plaintext', 'markdown']},
          \     'completion': {'completionItem': {'documentationFormat': ['plaintext']}},
          \     'codeAction': {'codeActionLiteralSupport': {'codeActionKind': {'valueSet': ['quickfix', 'refactor', 'source']}}},
          \   }}}}, {'timeout': 10000})
  catch
    " The command exists but is not a language server, or died at once.
    echoerr 'dpls: cannot start ' . string(s:command()) . ': ' . v:exception
    return 0
  endtry
  if empty(init) || has_key(init, 'error')
    echoerr 'dpls: initialize failed: ' . string(init)
    return 0
  endif
  let encoding = get(get(init.result, 'capabilities', {}), 'positionEncoding', 'utf-16')
  if encoding !=# 'utf-8'
    echomsg 'dpls: the server counts columns in ' . encoding . ', not bytes: columns after non-ASCII text will be off'
  endif
  call ch_sendexpr(s:ch, {'method': 'initialized', 'params': {}})
  if exists('g:dpls_settings')
    call ch_sendexpr(s:ch, {'method': 'workspace/didChangeConfiguration', 'params': {'settings': {'dpls': g:dpls_settings}}})
  endif
  return 1
endfunction

" Starts the server if needed and opens buf in it.
function! dpls#attach(buf) abort
  if !dpls#running() && !s:start(a:buf)
    return
  endif
  if has_key(s:versions, a:buf)
    return
  endif
  " Versions are the buffer's changedtick, so an unchanged buffer is not sent again.
  let s:versions[a:buf] = getbufvar(a:buf, 'changedtick')
  call ch_sendexpr(s:ch, {'method': 'textDocument/didOpen', 'params': {'textDocument': {
        \ 'uri': s:uri(a:buf), 'languageId': 'dpl', 'version': s:versions[a:buf], 'text': s:text(a:buf)}}})
endfunction

function! s:text(buf) abort
  return join(getbufline(a:buf, 1, '$'), "\n") . "\n"
endfunction

" Sends the buffer's text after a pause in typing.
function! dpls#changed(buf) abort
  if !has_key(s:versions, a:buf)
    return
  endif
  if has_key(s:timers, a:buf)
    call timer_stop(s:timers[a:buf])
  endif
  let s:timers[a:buf] = timer_start(get(g:, 'dpls_change_delay', 150), {-> dpls#sync(a:buf)})
endfunction

" Sends the buffer's text now when it changed since it was last sent.
function! dpls#sync(buf) abort
  silent! unlet s:timers[a:buf]
  if !dpls#running() || !has_key(s:versions, a:buf) || !bufloaded(a:buf)
    return
  endif
  let tick = getbufvar(a:buf, 'changedtick')
  if tick == s:versions[a:buf]
    return
  endif
  let s:versions[a:buf] = tick
  call ch_sendexpr(s:ch, {'method': 'textDocument/didChange', 'params': {
        \ 'textDocument': {'uri': s:uri(a:buf), 'version': tick},
        \ 'contentChanges': [{'text': s:text(a:buf)}]}})
endfunction

function! dpls#detach(buf) abort
  if !dpls#running() || !has_key(s:versions, a:buf)
    return
  endif
  call remove(s:versions, a:buf)
  call ch_sendexpr(s:ch, {'method': 'textDocument/didClose', 'params': {'textDocument': {'uri': s:uri(a:buf)}}})
endfunction

" Shuts the server down politely (shutdown, then exit).
function! dpls#stop() abort
  if !dpls#running()
    return
  endif
  call ch_evalexpr(s:ch, {'method': 'shutdown'}, {'timeout': 2000})
  call ch_sendexpr(s:ch, {'method': 'exit'})
  let s:versions = {}
endfunction

function! s:on_stderr(ch, line) abort
  if get(g:, 'dpls_log_stderr', 0)
    echomsg 'dpls: ' . a:line
  endif
endfunction

" Notifications and requests from the server.
function! s:on_message(ch, msg) abort
  let method = get(a:msg, 'method', '')
  if method ==# 'textDocument/publishDiagnostics'
    call s:diagnostics(a:msg.params)
  elseif method ==# 'window/showMessage' || method ==# 'window/logMessage'
    if method ==# 'window/showMessage' || a:msg.params.type == 1
      echomsg 'dpls: ' . a:msg.params.message
    endif
  elseif has_key(a:msg, 'id') && method !=# ''
    " A request: answer the settings section when asked, null otherwise.
    let result = v:null
    if method ==# 'workspace/configuration'
      let result = map(copy(a:msg.params.items), {_, item -> get(item, 'section', '') ==# 'dpls' ? get(g:, 'dpls_settings', {}) : v:null})
    endif
    call ch_sendexpr(a:ch, {'id': a:msg.id, 'result': result})
  endif
endfunction

function! s:diagnostics(params) abort
  let buf = bufnr(s:path(a:params.uri))
  if buf < 0
    return
  endif
  let s:lsp_diags[buf] = a:params.diagnostics
  " LSP range ends are 0-based and exclusive: the same number is the 1-based
  " inclusive end column quickfix items (and ALE) use.
  let s:diags[buf] = map(copy(a:params.diagnostics), {_, d -> {
        \ 'bufnr': buf,
        \ 'lnum': d.range.start.line + 1, 'col': d.range.start.character + 1,
        \ 'end_lnum': d.range.end.line + 1, 'end_col': d.range.end.character,
        \ 'type': get(s:severity_type, get(d, 'severity', 1), 'E'),
        \ 'text': (has_key(d, 'code') ? d.code . ': ' : '') . d.message}})
  call sign_unplace('dpls', {'buffer': buf})
  call sign_placelist(map(copy(s:diags[buf]), {_, it -> {'group': 'dpls', 'buffer': buf, 'lnum': it.lnum, 'name': 'Dpls' . it.type}}))
  for win in win_findbuf(buf)
    call setloclist(win, [], 'r', {'title': 'dpls', 'items': s:diags[buf]})
  endfor
endfunction

" The diagnostics of buf as quickfix items.
function! dpls#diagnostics(buf) abort
  return get(s:diags, a:buf, [])
endfunction

" Sends a request for the current buffer and waits for its result.
function! dpls#request(method, params) abort
  if !dpls#running()
    throw 'dpls: the server is not running'
  endif
  call dpls#sync(bufnr(''))
  let resp = ch_evalexpr(s:ch, {'method': a:method, 'params': a:params}, {'timeout': 5000})
  if empty(resp)
    throw 'dpls: ' . a:method . ' timed out'
  elseif has_key(resp, 'error')
    throw 'dpls: ' . a:method . ': ' . resp.error.message
  endif
  return get(resp, 'result', v:null)
endfunction

function! s:position() abort
  return {'textDocument': {'uri': s:uri(bufnr(''))}, 'position': {'line': line('.') - 1, 'character': col('.') - 1}}
endfunction

" Hover text at the cursor, shown in a popup; returns the text.
function! dpls#hover() abort
  let r = dpls#request('textDocument/hover', s:position())
  if type(r) != v:t_dict
    return ''
  endif
  let c = r.contents
  let text = type(c) == v:t_dict ? c.value : type(c) == v:t_list ? join(map(copy(c), {_, x -> type(x) == v:t_dict ? x.value : x}), "\n\n") : c
  if has('popupwin') && !empty(text)
    call popup_atcursor(split(text, "\n"), {'padding': [0, 1, 0, 1], 'border': [], 'moved': 'any'})
  endif
  return text
endfunction

" 'omnifunc': the start of the word before the cursor, then the server's
" completion items that begin with that word. Vim has removed the word and
" put the cursor at its start by the second call, which is where the
" request asks.
function! dpls#complete(findstart, base) abort
  if a:findstart
    return match(strpart(getline('.'), 0, col('.') - 1), '[[:alnum:]_-]*$')
  endif
  let r = dpls#request('textDocument/completion', s:position())
  let items = type(r) == v:t_dict ? r.items : type(r) == v:t_list ? r : []
  let out = []
  for it in items
    " Snippet text (insertTextFormat 2) has placeholders Vim would insert
    " literally: insert the label instead.
    let word = get(it, 'insertTextFormat', 1) == 2 ? it.label : get(it, 'insertText', it.label)
    if stridx(word, a:base) == 0
      let doc = get(it, 'documentation', '')
      call add(out, {'word': word, 'abbr': it.label, 'menu': get(it, 'detail', ''),
            \ 'info': type(doc) == v:t_dict ? doc.value : doc, 'icase': 0, 'dup': 0})
    endif
  endfor
  return out
endfunction

" Applies text edits to buf, last first so the ranges of the others stay
" put. Vim keeps lines without their newline, so an edit reaching past the
" last line loses the newline that ends the buffer's text.
function! s:apply_edits(buf, edits) abort
  let edits = sort(copy(a:edits), {a, b -> a.range.start.line != b.range.start.line
        \ ? b.range.start.line - a.range.start.line : b.range.start.character - a.range.start.character})
  for e in edits
    let nlines = len(getbufline(a:buf, 1, '$'))
    let first = e.range.start.line + 1
    let past_end = e.range['end'].line + 1 > nlines
    let last = past_end ? nlines : e.range['end'].line + 1
    let head = strpart(get(getbufline(a:buf, first), 0, ''), 0, e.range.start.character)
    let tail = past_end ? '' : strpart(getbufline(a:buf, last)[0], e.range['end'].character)
    let new = split(head . e.newText . tail, "\n", 1)
    if past_end && len(new) > 1 && new[-1] ==# ''
      call remove(new, -1)
    endif
    let emptied = first == 1 && last == nlines
    if first <= last
      call deletebufline(a:buf, first, last)
    endif
    call appendbufline(a:buf, first - 1, new)
    if emptied
      " deletebufline leaves one empty line in an emptied buffer.
      call deletebufline(a:buf, len(getbufline(a:buf, 1, '$')))
    endif
  endfor
endfunction

function! s:apply_workspace_edit(edit) abort
  let changes = []
  for [uri, edits] in items(get(a:edit, 'changes', {}))
    call add(changes, [uri, edits])
  endfor
  for dc in get(a:edit, 'documentChanges', [])
    if has_key(dc, 'edits')
      call add(changes, [dc.textDocument.uri, dc.edits])
    endif
  endfor
  for [uri, edits] in changes
    let buf = bufadd(s:path(uri))
    call bufload(buf)
    call s:apply_edits(buf, edits)
  endfor
endfunction

" Code actions at the cursor: applies the only one, or the one picked.
" Returns the title of the action applied, or '' when none was.
function! dpls#code_action() abort
  let buf = bufnr('')
  let line = line('.') - 1
  let here = {'line': line, 'character': col('.') - 1}
  let diags = filter(copy(get(s:lsp_diags, buf, [])), {_, d -> d.range.start.line <= line && line <= d.range['end'].line})
  let actions = dpls#request('textDocument/codeAction', {
        \ 'textDocument': {'uri': s:uri(buf)}, 'range': {'start': here, 'end': here},
        \ 'context': {'diagnostics': diags}})
  if type(actions) != v:t_list || empty(actions)
    echo 'dpls: no code actions here'
    return ''
  endif
  let pick = 0
  if len(actions) > 1
    let pick = inputlist(['Code action:'] + map(copy(actions), {i, a -> (i + 1) . '. ' . a.title})) - 1
    if pick < 0 || pick >= len(actions)
      return ''
    endif
  endif
  let action = actions[pick]
  if has_key(action, 'edit')
    call s:apply_workspace_edit(action.edit)
  endif
  if has_key(action, 'command')
    let cmd = type(action.command) == v:t_dict ? action.command : action
    call dpls#request('workspace/executeCommand', {'command': cmd.command, 'arguments': get(cmd, 'arguments', [])})
  endif
  return action.title
endfunction

" Formats the buffer with the server's formatter.
function! dpls#format() abort
  let edits = dpls#request('textDocument/formatting', {
        \ 'textDocument': {'uri': s:uri(bufnr(''))},
        \ 'options': {'tabSize': shiftwidth(), 'insertSpaces': v:true}})
  if type(edits) == v:t_list
    call s:apply_edits(bufnr(''), edits)
  endif
endfunction

" Jumps to the definition of the name under the cursor.
function! dpls#definition() abort
  let r = dpls#request('textDocument/definition', s:position())
  let loc = type(r) == v:t_list ? get(r, 0, {}) : r
  if type(loc) != v:t_dict || empty(loc)
    echo 'dpls: no definition found'
    return
  endif
  let uri = get(loc, 'targetUri', get(loc, 'uri', ''))
  let range = get(loc, 'targetSelectionRange', get(loc, 'range', {}))
  execute 'edit ' . fnameescape(s:path(uri))
  call cursor(range.start.line + 1, range.start.character + 1)
endfunction
