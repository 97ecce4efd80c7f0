-- Headless Neovim (0.7+) drives the language server as a real client: it sources the config
-- snippet from docs/server.md, opens a file and checks diagnostics, hover and a quick fix.
-- Env: ENC_CONFIG (the snippet as a file), ENC_FILE. Prints one JSON object; exits 1 on failure.
local timeout = 15000
local out, errors = {}, {}

local function finish()
  out.errors = errors
  out.ok = #errors == 0
  io.stdout:write(vim.fn.json_encode(out) .. '\n')
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
  vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  vim.cmd(out.ok and 'qall!' or 'cquit!')
end

local ok, err = pcall(function()
  vim.cmd('source ' .. vim.fn.fnameescape(os.getenv('ENC_CONFIG')))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('ENC_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  out.filetype = vim.bo[buf].filetype

  local function codes()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(list, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) end
    return list
  end
  local function has(code)
    for _, c in ipairs(codes()) do if c == code then return true end end
    return false
  end
  if not vim.wait(timeout, function() return has('non-chemo-as-chemo') end, 20) then error('no non-chemo-as-chemo diagnostic') end
  out.diagnostics = codes()
  local client = vim.lsp.get_active_clients()[1]

  local function req(method, params)
    local resp, e = client.request_sync(method, params, timeout, buf)
    if not resp or resp.err then error(method .. ': ' .. vim.inspect(e or resp.err)) end
    return resp.result
  end

  -- Line 3 (0-based 3) is "  claim 96409": hover on the code.
  local hover = req('textDocument/hover', { textDocument = { uri = uri }, position = { line = 3, character = 9 } })
  out.hover = hover and hover.contents and hover.contents.value
  if not (out.hover and out.hover:find('96409') and out.hover:find('Predicted denial')) then table.insert(errors, 'hover missing') end

  local range = { start = { line = 3, character = 8 }, ['end'] = { line = 3, character = 13 } }
  local actions = req('textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = {}, only = { 'quickfix' } } })
  local fix
  for _, a in ipairs(actions or {}) do if a.isPreferred then fix = a end end
  if not fix then error('no preferred quick fix') end
  out.fix = fix.title
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  out.line_after_fix = vim.api.nvim_buf_get_lines(buf, 3, 4, false)[1]
  if not vim.wait(timeout, function() return not has('non-chemo-as-chemo') end, 20) then
    table.insert(errors, 'diagnostic not cleared after the fix')
  end
  out.diagnostics_after_fix = codes()
end)
if not ok then table.insert(errors, tostring(err)) end
finish()
