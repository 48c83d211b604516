-- DPL support for Neovim: starts the dpls language server through the
-- built-in LSP client for `dpl` buffers and turns on tree-sitter highlighting
-- when the parser is installed (:DplsInstallParser).
--
--   require('dpls').setup({ cmd = { 'dpls' } })
--
-- setup() takes the options nvim-lspconfig users know (cmd, root markers,
-- settings, init_options, capabilities, on_attach) and works on Neovim 0.7,
-- whose client is started with vim.lsp.start_client, as well as on 0.8 and
-- later, where vim.lsp.start reuses one client per root directory itself.
local M = {}

local treesitter = require('dpls.treesitter')

M.defaults = {
  -- The server command; dpls speaks LSP on stdio without arguments.
  cmd = { 'dpls' },
  filetypes = { 'dpl' },
  -- The nearest directory holding one of these is the workspace root; dpls
  -- reads .dpls.yaml from it. Without any, the file's directory is the root.
  root_markers = { '.dpls.yaml', '.git' },
  -- Answered to the server's workspace/configuration requests, by section:
  -- { dpls = { rules = { CODE = 'warning' }, disabled = { 'CODE' } } }.
  settings = {},
  init_options = nil,
  capabilities = nil,
  on_attach = nil,
  -- Start tree-sitter highlighting in dpl buffers when the parser is installed.
  highlight = true,
  -- Where :DplsInstallParser finds the grammar and installs the parser; see
  -- lua/dpls/treesitter.lua (grammar_dir, install_dir, compiler).
  treesitter = {},
}

M.config = vim.deepcopy(M.defaults)

-- On Neovim 0.7 the plugin keeps one client per root itself.
local clients_07 = {}

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

--- The workspace root for buf: the nearest ancestor holding a root marker.
function M.root_dir(buf)
  local name = vim.api.nvim_buf_get_name(buf)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local d = dir
  while true do
    for _, marker in ipairs(M.config.root_markers) do
      if exists(d .. '/' .. marker) then
        return d
      end
    end
    local parent = vim.fn.fnamemodify(d, ':h')
    if parent == d then
      return dir
    end
    d = parent
  end
end

-- dpls pulls its settings with workspace/configuration, which Neovim
-- answers from `settings`, but Neovim 0.7 does not announce that it can:
-- announce it here, under whatever the user passed.
local function capabilities(user)
  local base = vim.lsp.protocol.make_client_capabilities()
  base.workspace = base.workspace or {}
  base.workspace.configuration = true
  return vim.tbl_deep_extend('force', base, user or {})
end

local function client_config(root)
  local c = M.config
  return {
    name = 'dpls',
    cmd = c.cmd,
    root_dir = root,
    settings = c.settings,
    init_options = c.init_options,
    capabilities = capabilities(c.capabilities),
    on_attach = c.on_attach,
  }
end

--- Starts (or reuses) the server for buf's root and attaches buf to it.
function M.attach(buf)
  if buf == nil or buf == 0 then
    buf = vim.api.nvim_get_current_buf()
  end
  local root = M.root_dir(buf)
  if vim.lsp.start then -- 0.8+
    vim.lsp.start(client_config(root), { bufnr = buf })
  else
    local id = clients_07[root]
    if id == nil or vim.lsp.client_is_stopped(id) then
      id = vim.lsp.start_client(client_config(root))
      clients_07[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(buf, id)
    end
  end
  if M.config.highlight then
    treesitter.attach(buf)
  end
end

local function dpls_clients()
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  local out = {}
  for _, c in ipairs(all) do
    if c.name == 'dpls' then
      table.insert(out, c)
    end
  end
  return out
end

local function each_dpl_buffer(fn)
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      fn(buf)
    end
  end
end

--- Stops every dpls client and starts the server again for the open buffers.
function M.restart()
  local ids = {}
  for _, c in ipairs(dpls_clients()) do
    table.insert(ids, c.id)
    vim.lsp.stop_client(c.id)
  end
  -- A client stops after the server answers shutdown; waiting keeps the new
  -- client from being matched to the one on its way out.
  vim.wait(5000, function()
    for _, id in ipairs(ids) do
      if not vim.lsp.client_is_stopped(id) then
        return false
      end
    end
    return true
  end, 20)
  clients_07 = {}
  each_dpl_buffer(M.attach)
end

--- Configures the plugin and starts dpls for every dpl buffer, now and later.
function M.setup(opts)
  opts = opts or {}
  -- A shallow merge: a list the user gives (cmd, root_markers) replaces the
  -- default instead of being merged into it index by index.
  M.config = vim.tbl_extend('force', vim.deepcopy(M.defaults), opts)
  treesitter.configure(M.config.treesitter)

  local group = vim.api.nvim_create_augroup('dpls', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- setup() may run after a .dpl file was opened (lazy loading).
  each_dpl_buffer(M.attach)
end

return M
