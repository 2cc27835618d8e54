/**
 * The configurations the READMEs hand to users stay usable: the editor configurations are the
 * same in the repository's README and the npm package's, every YAML, TOML and JSON block parses,
 * the Zed extension's manifests parse and start the server for Markdown, and every version the
 * examples pin (`strategy-lint@x.y.z`, `rev: vx.y.z`, `@vx.y.z`) is this version. (The Lua blocks
 * are compiled by Neovim in the e2e check.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { VERSION } from '../src/version.js';
import { repoRoot } from './helpers/paths.js';

const READMES = { repository: path.join(repoRoot, 'README.md'), npm: path.join(repoRoot, 'packages', 'strategy-lint', 'README.md') };

interface Block { lang: string; code: string }

function codeBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `a "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

test('the editor configurations are the same in both READMEs: Neovim, nvim-lspconfig, Helix, Emacs', () => {
  const [repository, npm] = [READMES.repository, READMES.npm].map((file) => codeBlocks(section(fs.readFileSync(file, 'utf8'), 'Other editors')));
  assert.deepEqual(repository, npm);
  assert.deepEqual(repository.map((b) => b.lang), ['lua', 'lua', 'lua', 'toml', 'elisp']);
  for (const block of repository) assert.match(block.code, /strategy-lint-language-server/);
});

test('every YAML, TOML and JSON block of both READMEs parses', () => {
  for (const [name, file] of Object.entries(READMES)) {
    for (const { lang, code } of codeBlocks(fs.readFileSync(file, 'utf8'))) {
      const where = `${name} README, ${lang} block:\n${code}`;
      if (lang === 'yaml') assert.doesNotThrow(() => parseYaml(code), where);
      if (lang === 'toml') assert.doesNotThrow(() => parseToml(code), where);
      if (lang === 'json' && !code.includes('…')) assert.doesNotThrow(() => JSON.parse(code), where);
    }
  }
});

test('the Helix configuration adds the server to Markdown beside marksman', () => {
  const helix = codeBlocks(fs.readFileSync(READMES.npm, 'utf8')).find((b) => b.lang === 'toml')!;
  const config = parseToml(helix.code) as { 'language-server': Record<string, { command: string; args: string[] }>; language: Array<{ name: string; 'language-servers': string[] }> };
  assert.deepEqual(config['language-server']['strategy-lint'].args, ['--stdio']);
  assert.equal(config['language-server']['strategy-lint'].command, 'strategy-lint-language-server');
  assert.ok(config.language.find((l) => l.name === 'markdown')?.['language-servers'].includes('strategy-lint'));
});

test('the Zed extension declares a Strategy Lint language server for Markdown', () => {
  const zed = path.join(repoRoot, 'editors', 'zed');
  const manifest = parseToml(fs.readFileSync(path.join(zed, 'extension.toml'), 'utf8')) as { id: string; version: string; language_servers: Record<string, { languages: string[] }> };
  assert.equal(manifest.id, 'strategy-lint');
  assert.equal(manifest.version, VERSION);
  assert.deepEqual(manifest.language_servers['strategy-lint'].languages, ['Markdown']);
  const cargo = parseToml(fs.readFileSync(path.join(zed, 'Cargo.toml'), 'utf8')) as { lib: { 'crate-type': string[] }; dependencies: Record<string, string> };
  assert.deepEqual(cargo.lib['crate-type'], ['cdylib']);
  assert.ok(cargo.dependencies.zed_extension_api);
  assert.match(fs.readFileSync(path.join(zed, 'src', 'lib.rs'), 'utf8'), /which\("strategy-lint-language-server"\)[\s\S]*"--stdio"/);
});

test('every version the examples pin is this version', () => {
  for (const [name, file] of Object.entries(READMES)) {
    const text = fs.readFileSync(file, 'utf8');
    const pins = [...text.matchAll(/strategy-lint@(\d+\.\d+\.\d+)|rev: v(\d+\.\d+\.\d+)|strategy-lint\/strategy-lint@v(\d+\.\d+\.\d+)|strategy-lint-(\d+\.\d+\.\d+)\.tgz/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
    assert.ok(pins.length > 0, name);
    for (const pin of pins) assert.equal(pin, VERSION, `${name} README pins ${pin}`);
  }
});
