#!/usr/bin/env node
// The Strategy Lint language server, for editors other than VS Code (Neovim, Helix, Zed, Emacs…):
//
//   strategy-lint-language-server --stdio
//
// Without a transport flag (--stdio, --node-ipc, --socket=<port>, --pipe=<name>) it speaks over
// stdio, which is what every editor's configuration asks for.
'use strict';
if (!process.argv.slice(2).some((arg) => /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/.test(arg))) process.argv.push('--stdio');
require('../out/server.js');
