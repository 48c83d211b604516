-- Drives the real dpls through Neovim's built-in client as the plugin starts
-- it: diagnostics, completion, hover, the quick fix for a misspelled block
-- kind, re-diagnosis after the edit, and a clean stop.
--
--   DPLS_CMD=bin/dpls nvim --headless --clean --cmd 'set rtp^=editors/neovim' \
--     -c 'luafile editors/neovim/test/lsp_test.lua'
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local H = dofile(here .. '/harness.lua')

local function client_for(buf) -- 0.10+: get_clients{bufnr}; 0.7: buf_get_clients = map id -> client
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })[1]
  end
  local _, c = next(vim.lsp.buf_get_clients(buf))
  return c
end

-- request sends one request to the buffer's server and returns its result.
local function request(buf, method, params)
  local res, err = vim.lsp.buf_request_sync(buf, method, params, 5000)
  if not res then
    error(method .. ': ' .. tostring(err))
  end
  local _, r = next(res) -- map client id -> { result = ..., error = ... }
  if r == nil then
    error(method .. ': no answer')
  end
  if r.error then
    error(method .. ': ' .. vim.inspect(r.error))
  end
  return r.result
end

-- The buffer's diagnostics on line in LSP's form, for a code action's
-- context (0.7-0.10 keep a function for it; later versions keep the LSP
-- diagnostic in user_data).
local function lsp_diagnostics(buf, line)
  if vim.lsp.diagnostic.get_line_diagnostics then
    return vim.lsp.diagnostic.get_line_diagnostics(buf, line)
  end
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = line })) do
    table.insert(out, d.user_data and d.user_data.lsp)
  end
  return out
end

local function at(buf, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

H.run('neovim lsp', function()
  -- A workspace with a root marker one directory above the file.
  local root = vim.fn.tempname()
  vim.fn.mkdir(root .. '/services', 'p')
  vim.fn.writefile({ 'disabled: []' }, root .. '/.dpls.yaml')
  vim.fn.writefile(vim.fn.readfile(here .. '/broken.dpl'), root .. '/services/broken.dpl')

  -- The settings make DPL001 a warning: the server pulls them with
  -- workspace/configuration, which Neovim answers from `settings`.
  require('dpls').setup({
    cmd = { os.getenv('DPLS_CMD') or 'dpls' },
    settings = { dpls = { rules = { DPL001 = 'warning' } } },
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/services/broken.dpl'))
  local buf = vim.api.nvim_get_current_buf()
  H.check(vim.bo[buf].filetype == 'dpl', 'filetype dpl')

  local client
  H.check(vim.wait(10000, function()
    client = client_for(buf)
    return client ~= nil and client.initialized == true
  end, 20), 'client initialized')
  if not client then
    error('no client: is DPLS_CMD (' .. tostring(os.getenv('DPLS_CMD')) .. ') a dpls binary?')
  end
  H.check(client.name == 'dpls', 'client name dpls')
  H.check(client.config.root_dir == root, 'root is the directory with .dpls.yaml: ' .. tostring(client.config.root_dir))

  H.check(vim.wait(10000, function()
    local d = vim.diagnostic.get(buf)[1]
    return d ~= nil and d.severity == vim.diagnostic.severity.WARN
  end, 20), 'diagnostics arrived, with the severity from settings')
  local diags = vim.diagnostic.get(buf)
  H.check(#diags == 1, 'one diagnostic, got ' .. #diags)
  local d = diags[1]
  H.check(d.lnum == 0 and d.col == 0 and d.end_lnum == 0 and d.end_col == 15,
    string.format('diagnostic range 0:0-0:15, got %d:%d-%d:%d', d.lnum, d.col, d.end_lnum, d.end_col))
  H.check(d.message == 'unknown block kind fault_tolerence; did you mean fault_tolerance?', 'message: ' .. d.message)

  local completion = request(buf, 'textDocument/completion', at(buf, 5, 2))
  local labels = {}
  for _, item in ipairs(completion.items or completion) do
    labels[item.label] = true
  end
  for _, want in ipairs({ 'retry', 'circuit_breaker', 'bulkhead' }) do
    H.check(labels[want], 'completion offers ' .. want)
  end

  local hover = request(buf, 'textDocument/hover', at(buf, 5, 3))
  local text = hover and hover.contents and hover.contents.value or vim.inspect(hover)
  H.check(hover.contents.kind == 'markdown', 'hover is markdown')
  H.check(vim.startswith(text, '**`timeout` · duration · per attempt**'), 'hover: ' .. vim.split(text, '\n')[1])

  -- The quick fix, asked for the way vim.lsp.buf.code_action() asks.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 3 }, ['end'] = { line = 0, character = 3 } },
    context = { diagnostics = lsp_diagnostics(buf, 0) },
  }
  local actions = request(buf, 'textDocument/codeAction', params)
  local fix
  for _, a in ipairs(actions or {}) do
    if a.title == 'Change to fault_tolerance' then
      fix = a
    end
  end
  H.check(fix ~= nil, 'code action "Change to fault_tolerance" offered')
  H.check(fix and fix.kind == 'quickfix' and fix.isPreferred == true, 'it is the preferred quick fix')
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  H.check(vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] == 'fault_tolerance OrderService {', 'quick fix applied')

  -- The edit goes out as didChange; the server re-checks and clears the error.
  H.check(vim.wait(10000, function()
    return #vim.diagnostic.get(buf) == 0
  end, 20), 'diagnostics cleared after the fix')

  -- :DplsRestart stops the client and starts a new one for the buffer.
  local old = client.id
  vim.cmd('DplsRestart')
  H.check(vim.lsp.client_is_stopped(old), 'restart stopped the old client')
  H.check(vim.wait(10000, function()
    client = client_for(buf)
    return client ~= nil and client.id ~= old and client.initialized == true
  end, 20), 'restart started a new client')

  -- Errors in Neovim's handlers (e.g. $/progress for a token it never saw
  -- created) do not fail any request; they land in v:errmsg.
  H.check(vim.v.errmsg == '', 'no errors from the client: ' .. vim.v.errmsg)

  vim.lsp.stop_client(client.id) -- shutdown, then exit
  H.check(vim.wait(5000, function()
    return vim.lsp.client_is_stopped(client.id)
  end, 20), 'client stopped')
end)
