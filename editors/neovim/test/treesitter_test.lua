-- Builds the parser with :DplsInstallParser's code into a temporary
-- directory, opens sample.dpl and checks that the installed highlights query
-- captures what it should at known positions and that the highlighter runs.
--
--   nvim --headless --clean --cmd 'set rtp^=editors/neovim' \
--     -c 'luafile editors/neovim/test/treesitter_test.lua'
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local H = dofile(here .. '/harness.lua')

-- row, column (0-based, bytes), capture, text of the captured node.
local want = {
  { 0, 0, 'comment', '// Orders survive a slow payment service.' },
  { 1, 0, 'keyword', 'fault_tolerance' },
  { 1, 16, 'type', 'OrderService' },
  { 1, 29, 'punctuation.bracket', '{' },
  { 2, 2, 'property', 'retry' },
  { 2, 7, 'punctuation.delimiter', ':' },
  { 2, 11, 'property', 'max_attempts' },
  { 2, 25, 'number', '3' },
  { 2, 26, 'punctuation.delimiter', ',' },
  { 2, 37, 'string', '"exponential"' },
  { 3, 11, 'string', '"2s"' },
  { 4, 28, 'string.escape', '\\"' },
  { 4, 49, 'boolean', 'false' },
  { 5, 0, 'punctuation.bracket', '}' },
}

H.run('neovim tree-sitter', function()
  local ts = vim.treesitter
  local dpls_ts = require('dpls.treesitter')
  local install_dir = vim.fn.tempname()

  H.check(not dpls_ts.available(), 'no dpl parser before install')
  -- What a user runs, with the install directory configured away from ~.
  dpls_ts.configure({ install_dir = install_dir })
  vim.cmd('DplsInstallParser')
  H.check(vim.fn.filereadable(install_dir .. '/parser/dpl.so') == 1, ':DplsInstallParser built parser/dpl.so')
  for _, q in ipairs({ 'highlights', 'folds', 'indents', 'locals' }) do
    H.check(vim.fn.filereadable(install_dir .. '/queries/dpl/' .. q .. '.scm') == 1, 'query installed: ' .. q)
  end
  H.check(vim.tbl_contains(vim.api.nvim_list_runtime_paths(), install_dir), 'install dir on runtimepath')
  H.check(dpls_ts.available(), 'parser loads')

  local bad = dpls_ts.install({ install_dir = install_dir, grammar_dir = install_dir .. '/nowhere' })
  H.check(bad == false, 'install reports a missing grammar')

  vim.cmd('edit ' .. vim.fn.fnameescape(here .. '/sample.dpl'))
  local buf = vim.api.nvim_get_current_buf()
  H.check(vim.bo[buf].filetype == 'dpl', 'filetype dpl from ftdetect')

  local get_query = ts.query.get or ts.query.get_query -- 0.9+ / 0.7
  local node_text = ts.get_node_text or ts.query.get_node_text -- 0.9+ / 0.7
  local root = ts.get_parser(buf, 'dpl'):parse()[1]:root()
  H.check(not root:has_error(), 'sample parses without errors')

  -- Every query file must compile against the parser Neovim loaded.
  local parse = ts.query.parse or ts.query.parse_query -- 0.9+ / 0.7
  for _, f in ipairs(vim.fn.glob(install_dir .. '/queries/dpl/*.scm', false, true)) do
    local compiled, err = pcall(parse, 'dpl', table.concat(vim.fn.readfile(f), '\n'))
    H.check(compiled, 'query compiles: ' .. vim.fn.fnamemodify(f, ':t') .. (compiled and '' or ': ' .. tostring(err)))
  end

  local query = get_query('dpl', 'highlights')
  local seen = {}
  for id, node in query:iter_captures(root, buf, 0, -1) do
    local r, c = node:range()
    seen[string.format('%d:%d @%s %s', r, c, query.captures[id], node_text(node, buf))] = true
  end
  for _, w in ipairs(want) do
    local key = string.format('%d:%d @%s %s', w[1], w[2], w[3], w[4])
    H.check(seen[key], 'capture ' .. key)
  end

  H.check(dpls_ts.attach(buf), 'highlighting started')
  H.check(ts.highlighter.active[buf] ~= nil, 'highlighter active for the buffer')
  vim.cmd('redraw') -- the highlighter runs its queries while drawing
  H.check(vim.api.nvim_get_mode().mode == 'n', 'redraw with the highlighter raised no error')
end)
