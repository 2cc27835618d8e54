-- Strategy Lint through a second real client: Neovim's built-in LSP client (written for 0.7.2).
--
--   SL_PLAN=plan.json nvim --headless --clean -n -i NONE -c 'luafile scripts/e2e/nvim-client.lua'
--
-- plan.json (written by neovim.e2e.test.mjs):
--   { "cmd": ["<project>/node_modules/.bin/strategy-lint-language-server", "--stdio"], "root": "<workspace>",
--     (or "node" and "server": "<repo>/server/out/server.js")
--     "out": "<result.json>", "timeoutMs": 20000, "settings": { "strategyLint": { ... } },
--     "weak": "<file>", "clean": "<file>", "fixes": "<file>", "readme": "<file>",
--     "hover": { "line": 15, "col": 3 },                -- 1-based, on a flagged word of `weak`
--     "typing": { "line": 17, "text": " We will leverage partners." } }  -- appended to a line of `clean`
--
-- Writes <out>: { ok, error?, steps = { <name> = { ... } }, log = [...] }. Every wait is a
-- vim.wait() on what the server sent (no fixed sleeps). Only 0.7 APIs: vim.fn.json_encode/decode
-- (vim.json is newer), vim.lsp.start_client + buf_attach_client, vim.diagnostic.get,
-- vim.lsp.diagnostic.get_line_diagnostics, vim.lsp.buf_request_sync, vim.lsp.util.apply_workspace_edit.

local plan_file = os.getenv('SL_PLAN')
local result = { ok = false, steps = {}, log = {} }

local function log(msg)
  table.insert(result.log, string.format('%.3f %s', vim.loop.hrtime() / 1e9, msg))
end

local function write_result()
  local f = io.open(result.out or (plan_file .. '.out.json'), 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function read_file(path)
  local f = assert(io.open(path, 'r'))
  local text = f:read('*a')
  f:close()
  return text
end

local plan = vim.fn.json_decode(read_file(plan_file))
result.out = plan.out
local TIMEOUT = plan.timeoutMs or 20000

-- strategyLint/status notifications: one per lint, sent right after the diagnostics.
local lints = {} -- uri -> { seq = n, status = {...} }

local function status_handler(_, params)
  local entry = lints[params.uri] or { seq = 0 }
  entry.seq = entry.seq + 1
  entry.status = params
  lints[params.uri] = entry
  log('status ' .. params.uri .. ' ' .. tostring(params.label) .. ' ' .. tostring(params.findings))
end

local function wait_for(what, predicate)
  local ok = vim.wait(TIMEOUT, predicate, 20)
  if not ok then error('timed out after ' .. TIMEOUT .. ' ms waiting for ' .. what, 0) end
end

local function seq_of(bufnr)
  local entry = lints[vim.uri_from_bufnr(bufnr)]
  return entry and entry.seq or 0
end

-- Wait for a lint of bufnr newer than `after` (a seq), and for its diagnostics to be in place.
local function wait_lint(bufnr, after, what)
  local uri = vim.uri_from_bufnr(bufnr)
  wait_for(what or ('a lint of ' .. uri), function()
    local entry = lints[uri]
    return entry ~= nil and entry.seq > after
  end)
  return lints[uri].status
end

local function diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      line = d.lnum + 1,
      col = d.col + 1,
      endLine = d.end_lnum + 1,
      endCol = d.end_col + 1,
      code = d.code,
      source = d.source,
      severity = d.severity, -- vim.diagnostic.severity: 1 error, 2 warn, 3 info, 4 hint
      message = d.message,
    })
  end
  table.sort(out, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return out
end

local function lines_of(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

local client_id

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= 'markdown' then vim.bo[bufnr].filetype = 'markdown' end
  local before = seq_of(bufnr)
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed for ' .. path)
  local status = wait_lint(bufnr, before, 'the first lint of ' .. path)
  return bufnr, status
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if not responses then error(method .. ' failed: ' .. tostring(err), 0) end
  local response = responses[client_id]
  if not response then error(method .. ': no response from the client', 0) end
  if response.err then error(method .. ' error: ' .. vim.inspect(response.err), 0) end
  return response.result
end

local function code_actions(bufnr, line, only)
  local range = { start = { line = line - 1, character = 0 }, ['end'] = { line = line - 1, character = #(lines_of(bufnr)[line] or '') } }
  local context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, line - 1, nil, client_id) }
  if only then context.only = only end
  return request(bufnr, 'textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = range, context = context }) or {}
end

local function titles(actions)
  local out = {}
  for _, action in ipairs(actions) do table.insert(out, { title = action.title, kind = action.kind, preferred = action.isPreferred == true }) end
  return out
end

local function main()
  client_id = vim.lsp.start_client({
    name = 'strategy-lint',
    cmd = plan.cmd or { plan.node or 'node', plan.server, '--stdio' },
    root_dir = plan.root,
    workspace_folders = { { uri = vim.uri_from_fname(plan.root), name = 'workspace' } },
    settings = plan.settings or vim.empty_dict(),
    handlers = { ['strategyLint/status'] = status_handler },
    on_exit = function(code, signal) log('server exited ' .. tostring(code) .. ' ' .. tostring(signal)) end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  wait_for('the server to initialize', function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end)
  local client = vim.lsp.get_client_by_id(client_id)
  result.server = client.server_capabilities and { hover = client.server_capabilities.hoverProvider, codeAction = client.server_capabilities.codeActionProvider } or nil

  -- 1. A weak memo: the diagnostics as Neovim stores them.
  local weak, weak_status = open(plan.weak)
  result.steps.weak = { status = weak_status, diagnostics = diagnostics(weak) }

  -- 3. Hover on a flagged word.
  local hover = request(weak, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(weak) },
    position = { line = plan.hover.line - 1, character = plan.hover.col - 1 },
  })
  result.steps.hover = { contents = hover and hover.contents or vim.NIL }

  -- 4a. Quick fixes offered on that line.
  result.steps.quickFixes = { actions = titles(code_actions(weak, plan.hover.line, { 'quickfix' })) }

  -- 4b. Fix all (source.fixAll): apply its edit, the diagnostics follow.
  local fixes, fixes_status = open(plan.fixes)
  local before_fix = diagnostics(fixes)
  local fix_all = code_actions(fixes, 1, { 'source.fixAll' })
  local step = { before = before_fix, status = fixes_status, actions = titles(fix_all) }
  result.steps.fixAll = step
  if fix_all[1] and fix_all[1].edit then
    local seq = seq_of(fixes)
    vim.lsp.util.apply_workspace_edit(fix_all[1].edit, 'utf-16')
    step.afterStatus = wait_lint(fixes, seq, 'the lint after Fix all')
    step.after = diagnostics(fixes)
    step.lines = lines_of(fixes)
  end

  -- 2. Typing a buzzword into a clean memo, then taking it out again.
  local clean, clean_status = open(plan.clean)
  local typing = { before = diagnostics(clean), status = clean_status }
  result.steps.typing = typing
  local row = plan.typing.line - 1
  local col = #lines_of(clean)[plan.typing.line]
  local seq = seq_of(clean)
  vim.api.nvim_buf_set_text(clean, row, col, row, col, { plan.typing.text })
  typing.typedStatus = wait_lint(clean, seq, 'the lint after typing')
  typing.typed = diagnostics(clean)
  typing.typedLine = lines_of(clean)[plan.typing.line]
  seq = seq_of(clean)
  vim.api.nvim_buf_set_text(clean, row, col, row, col + #plan.typing.text, { '' })
  typing.deletedStatus = wait_lint(clean, seq, 'the lint after deleting')
  typing.deleted = diagnostics(clean)
  typing.deletedLine = lines_of(clean)[plan.typing.line]

  -- 8. A README: a general document, no strategy findings.
  local readme, readme_status = open(plan.readme)
  result.steps.readme = { status = readme_status, diagnostics = diagnostics(readme) }

  result.ok = true
end

local ok, err = pcall(main)
if not ok then
  result.error = tostring(err)
  log('error: ' .. tostring(err))
end
-- Stop the server politely (shutdown + exit), then leave.
pcall(function()
  if client_id then
    vim.lsp.stop_client(client_id)
    vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  end
end)
write_result()
vim.cmd('qa!')
