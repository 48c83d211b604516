-- Shared by the headless tests: prints one line per check to stdout (print()
-- in --headless goes to stderr and the message history) and exits with the
-- number of failures, so scripts/test-editors.sh can run them directly.
local H = { passes = 0, failures = 0 }

function H.out(s)
  io.stdout:write(s .. '\n')
end

function H.check(ok, what)
  if ok then
    H.passes = H.passes + 1
  else
    H.failures = H.failures + 1
  end
  H.out((ok and 'ok   ' or 'FAIL ') .. what)
  return ok
end

-- run calls fn, counts an error as a failure, prints the summary and quits
-- Neovim with exit status 0 or the failure count.
function H.run(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if not ok then
    H.failures = H.failures + 1
    H.out('ERROR ' .. tostring(err))
  end
  H.out(string.format('%s: %d passed, %d failed', name, H.passes, H.failures))
  io.stdout:flush()
  vim.cmd(H.failures == 0 and 'qall!' or ('cquit! ' .. H.failures))
end

-- dir is the directory of the calling test script.
function H.dir()
  return vim.fn.fnamemodify(debug.getinfo(2, 'S').source:sub(2), ':p:h')
end

return H
