-- User commands for the DPL plugin. Starting the language server waits for
-- require('dpls').setup(): like nvim-lspconfig, loading the plugin alone
-- changes nothing but the commands it offers.
if vim.g.loaded_dpls then
  return
end
vim.g.loaded_dpls = true

vim.api.nvim_create_user_command('DplsInstallParser', function()
  local ts = require('dpls.treesitter')
  local ok, res = ts.install()
  if ok then
    vim.notify('dpls: installed ' .. res, vim.log.levels.INFO)
    -- Highlight the buffers already open, as setup() would have.
    if require('dpls').config.highlight then
      for _, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'dpl' then
          ts.attach(buf)
        end
      end
    end
  else
    vim.notify('dpls: ' .. res, vim.log.levels.ERROR)
  end
end, { desc = 'Build the DPL tree-sitter parser with the C compiler and install its queries' })

vim.api.nvim_create_user_command('DplsRestart', function()
  require('dpls').restart()
end, { desc = 'Stop the dpls language server; it starts again for the current buffer' })
