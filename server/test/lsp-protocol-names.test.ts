/**
 * The client (client/src/protocol.ts) and the server (server/src/lsp/protocol.ts) are separate
 * TypeScript projects with a copy of the custom protocol's names each: they must agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Commands, DIAGNOSTIC_SOURCE, DOC_TYPE_LABELS, FindMarkdownFilesRequest, LintFilesRequest, ReadFilesRequest, ReviewRequest, SetDocumentTypeRequest, StatusNotification, StrategyMapRequest } from '../src/lsp/protocol.js';
import { CONFIG_FILE_NAMES } from '../src/config/load.js';
import { repoRoot } from './helpers/paths.js';

const client = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'protocol.ts'), 'utf8');
const languageClient = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'language-client.ts'), 'utf8');
const clientOptions = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'client-options.ts'), 'utf8');

function clientConstant(name: string): string | undefined {
  return new RegExp(`export const ${name} = '([^']+)'`).exec(client)?.[1];
}

test('request, notification and source names agree between client and server', () => {
  assert.equal(clientConstant('ReviewRequest'), ReviewRequest);
  assert.equal(clientConstant('LintFilesRequest'), LintFilesRequest);
  assert.equal(clientConstant('StatusNotification'), StatusNotification);
  assert.equal(clientConstant('SetDocumentTypeRequest'), SetDocumentTypeRequest);
  assert.equal(clientConstant('StrategyMapRequest'), StrategyMapRequest);
  assert.equal(clientConstant('ReadFilesRequest'), ReadFilesRequest);
  assert.equal(clientConstant('FindMarkdownFilesRequest'), FindMarkdownFilesRequest);
  assert.equal(clientConstant('DIAGNOSTIC_SOURCE'), DIAGNOSTIC_SOURCE);
});

test('the commands the server refers to exist in the client', () => {
  for (const [key, id] of Object.entries(Commands)) {
    assert.match(client, new RegExp(`\\b${key}: '${id.replace('.', '\\.')}'`), key);
  }
});

test('the client names the document types as the server does', () => {
  for (const [type, label] of Object.entries(DOC_TYPE_LABELS)) {
    assert.match(client, new RegExp(`'?${type}'?: '${label}'`), type);
  }
});

test('the client watches every config file name the server reads', () => {
  const glob = /CONFIG_FILE_GLOB = '\*\*\/\.strategy-lint\.\{([^}]+)\}'/.exec(clientOptions)?.[1];
  assert.ok(glob, 'CONFIG_FILE_GLOB in client/src/client-options.ts');
  assert.deepEqual(glob.split(',').map((ext) => `.strategy-lint.${ext}`).sort(), [...CONFIG_FILE_NAMES].sort());
});

test('the benchmark starts the server with the Node flags the client uses', async () => {
  const flags = /SERVER_NODE_FLAGS: readonly string\[\] = (\[[^\]]*\])/.exec(languageClient)?.[1];
  assert.ok(flags, 'SERVER_NODE_FLAGS in client/src/language-client.ts');
  assert.match(languageClient, /run: \{[^}]*execArgv: \[\.\.\.SERVER_NODE_FLAGS\]/, 'the run options pass SERVER_NODE_FLAGS');
  const bench = await import(pathToFileURL(path.join(repoRoot, 'bench', 'common.mjs')).href) as { SERVER_NODE_FLAGS: string[] };
  assert.deepEqual(bench.SERVER_NODE_FLAGS, JSON.parse(flags.replace(/'/g, '"')));
});
