-- Builds DPL's tree-sitter parser and installs its queries so Neovim's
-- built-in tree-sitter (0.7 and later) highlights .dpl buffers.
--
-- Neovim finds a parser as parser/<lang>.so and queries as
-- queries/<lang>/*.scm anywhere on 'runtimepath', so installing means: compile
-- grammar/src/parser.c and scanner.c with the system C compiler into
-- <install_dir>/parser/dpl.so, copy grammar/queries/*.scm (written in
-- nvim-treesitter's capture names) to <install_dir>/queries/dpl/, and make
-- sure <install_dir> is on 'runtimepath'. No tree-sitter CLI and no
-- nvim-treesitter are needed; if nvim-treesitter is installed it uses the same
-- files.
local M = {}

local uv = vim.loop

-- This file is <plugin>/lua/dpls/treesitter.lua; the plugin is editors/neovim
-- in the dpls repository, so the grammar is two directories above it. The
-- path is resolved first: a plugin linked into a pack/ directory still finds
-- the checkout it links to.
local function plugin_root()
  local source = vim.fn.resolve(debug.getinfo(1, 'S').source:sub(2))
  return vim.fn.fnamemodify(source, ':p:h:h:h')
end

-- defaults are computed on use: stdpath and $CC are read when the parser is
-- built, not when the module is loaded.
local function defaults()
  return {
    grammar_dir = vim.fn.simplify(plugin_root() .. '/../../grammar'),
    -- <data>/site is on 'runtimepath' by default, so what lands there is found
    -- by every later Neovim session without further configuration.
    install_dir = vim.fn.stdpath('data') .. '/site',
    compiler = os.getenv('CC') or 'cc',
  }
end

M.options = {}

--- Sets the options later calls use (grammar_dir, install_dir, compiler).
function M.configure(opts)
  M.options = vim.tbl_extend('force', M.options, opts or {})
end

local function resolve(opts)
  return vim.tbl_extend('force', defaults(), M.options, opts or {})
end

local function add_to_runtimepath(dir)
  for _, p in ipairs(vim.api.nvim_list_runtime_paths()) do
    if p == dir then
      return
    end
  end
  vim.opt.runtimepath:prepend(dir)
end

local function copy_file(from, to)
  local lines = vim.fn.readfile(from, 'b')
  if vim.fn.writefile(lines, to, 'b') ~= 0 then
    error('cannot write ' .. to)
  end
end

--- Compiles the parser and installs the queries.
--- Returns true and the path of the parser, or false and why it failed.
function M.install(opts)
  local o = resolve(opts)
  local src = o.grammar_dir .. '/src'
  local sources = { src .. '/parser.c' }
  if vim.fn.filereadable(sources[1]) == 0 then
    return false, 'no ' .. sources[1] .. ' (set treesitter.grammar_dir to the grammar directory of a dpls checkout)'
  end
  -- The external scanner is optional in tree-sitter grammars; DPL has one.
  if vim.fn.filereadable(src .. '/scanner.c') == 1 then
    table.insert(sources, src .. '/scanner.c')
  end

  local parser_dir = o.install_dir .. '/parser'
  local query_dir = o.install_dir .. '/queries/dpl'
  vim.fn.mkdir(parser_dir, 'p')
  vim.fn.mkdir(query_dir, 'p')

  -- Compile to a temporary name and rename over the old parser: a running
  -- Neovim that already loaded dpl.so keeps its mapping intact instead of
  -- crashing on a library rewritten in place.
  local target = parser_dir .. '/dpl.so'
  local tmp = string.format('%s.%d.tmp', target, uv.os_getpid())
  local cmd = { o.compiler, '-shared', '-fPIC', '-O2', '-I' .. src }
  vim.list_extend(cmd, sources)
  vim.list_extend(cmd, { '-o', tmp })
  local output = vim.fn.system(cmd)
  if vim.v.shell_error ~= 0 then
    os.remove(tmp)
    return false, string.format('%s failed (exit %d):\n%s', table.concat(cmd, ' '), vim.v.shell_error, output)
  end
  local ok, err = os.rename(tmp, target)
  if not ok then
    os.remove(tmp)
    return false, 'cannot install ' .. target .. ': ' .. tostring(err)
  end

  local queries = vim.fn.glob(o.grammar_dir .. '/queries/*.scm', false, true)
  if #queries == 0 then
    return false, 'no queries in ' .. o.grammar_dir .. '/queries'
  end
  for _, q in ipairs(queries) do
    local copied, cerr = pcall(copy_file, q, query_dir .. '/' .. vim.fn.fnamemodify(q, ':t'))
    if not copied then
      return false, tostring(cerr)
    end
  end

  add_to_runtimepath(o.install_dir)
  return true, target
end

--- Reports whether Neovim can load the DPL parser from 'runtimepath'.
function M.available()
  local ts = vim.treesitter
  local ok, res
  if ts.language and ts.language.add then -- 0.9+
    ok, res = pcall(ts.language.add, 'dpl')
  else -- 0.7, 0.8: silent mode returns false instead of raising
    ok, res = pcall(ts.require_language, 'dpl', nil, true)
  end
  -- 0.10+ returns nil (not an error) when no parser is found.
  return ok and res ~= false and res ~= nil
end

--- Starts tree-sitter highlighting in buf when the parser is installed.
--- Returns whether highlighting is on.
function M.attach(buf)
  local ts = vim.treesitter
  if ts.highlighter.active[buf] then
    return true
  end
  if not M.available() then
    return false
  end
  if ts.start then -- 0.8+
    return pcall(ts.start, buf, 'dpl')
  end
  local ok, parser = pcall(ts.get_parser, buf, 'dpl')
  if not ok then
    return false
  end
  ts.highlighter.new(parser)
  return true
end

return M
