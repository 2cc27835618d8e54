/**
 * Protocol tests of the bundled language server for findings that summarise several places: the
 * summary carries `relatedInformation` (one entry per item, in the same document) for clients that
 * declare the capability, each item gets a Hint diagnostic pointing back at its summary, the status
 * counts the summary and not its hints, and "Disable … for this line" on a hint takes the item out.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionKind, CodeActionRequest, DiagnosticSeverity, type ClientCapabilities, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspTestClient } from './helpers/lsp-client.js';

const ITEMS = ['SSO', 'Audit log', 'Bulk edit', 'Dark mode', 'Public API', 'Webhooks', 'Zapier app'];
const ROADMAP = [
  '---', 'updated: 2026-11-21', '---', '# Northwind roadmap', '',
  'This roadmap serves our [2027 strategy](./strategy.md).', '',
  '## Now', '', ...ITEMS.slice(0, 4).map((item) => `- ${item}`), '', '## Next', '', ...ITEMS.slice(4).map((item) => `- ${item}`), '',
].join('\n');
const TITLE_LINE = 3;
const itemLine = (text: string, item: string): number => text.split('\n').indexOf(`- ${item}`);

const isOutcome = (d: Diagnostic): boolean => d.code === 'roadmap/no-outcome';
const summaryOf = (diagnostics: Diagnostic[]): Diagnostic | undefined => diagnostics.find((d) => isOutcome(d) && d.severity !== DiagnosticSeverity.Hint);
const hintsOf = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => isOutcome(d) && d.severity === DiagnosticSeverity.Hint);

describe('language server: summaries, related information and item hints', () => {
  let dir: string;
  let client: LspTestClient;
  let plain: LspTestClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-related-'));
    client = await LspTestClient.start({ workspaceFolders: [dir] });
    // A client that does not declare publishDiagnostics.relatedInformation.
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true },
      textDocument: { synchronization: { didSave: true }, publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true, versionSupport: true } },
    };
    plain = await LspTestClient.start({ workspaceFolders: [dir], capabilities });
  });
  after(async () => {
    await client.stop();
    await plain.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the summary on the title relates every item; each item has a Hint pointing back at it', async () => {
    const uri = fileUri(path.join(dir, 'ROADMAP.md'));
    await client.open(uri, ROADMAP);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => summaryOf(d) !== undefined);
    const summary = summaryOf(diagnostics)!;
    assert.equal(summary.severity, DiagnosticSeverity.Information);
    assert.equal(summary.range.start.line, TITLE_LINE);
    assert.match(String(summary.message), /^7 of 7 roadmap items name no outcome/);
    const related = summary.relatedInformation ?? [];
    assert.deepEqual(related.map((entry) => entry.location.range.start.line), ITEMS.map((item) => itemLine(ROADMAP, item)));
    assert.ok(related.every((entry) => entry.location.uri === uri));
    assert.deepEqual(related.map((entry) => entry.message), ITEMS.map((item) => `"${item}" names no outcome`));
    assert.deepEqual(related[0].location.range, { start: { line: itemLine(ROADMAP, 'SSO'), character: 2 }, end: { line: itemLine(ROADMAP, 'SSO'), character: 5 } });

    const hints = hintsOf(diagnostics);
    assert.deepEqual(hints.map((hint) => hint.range.start.line), ITEMS.map((item) => itemLine(ROADMAP, item)));
    for (const [i, hint] of hints.entries()) {
      assert.match(String(hint.message), new RegExp(`^"${ITEMS[i]}" names no outcome: `));
      assert.equal((hint.data as { ruleId: string }).ruleId, 'roadmap/no-outcome');
      assert.deepEqual(hint.relatedInformation?.map((entry) => [entry.location.uri, entry.location.range, entry.message]), [[uri, summary.range, summary.message]]);
    }
    // The status counts problems: the two summaries (and the rest), not their fourteen item hints.
    const counted = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint).length;
    await client.waitFor('status without the item hints', () => client.statuses.find((s) => s.uri === uri && s.findings === counted));
  });

  test('"Disable for this line" on a hint takes that item out of the summary', async () => {
    const uri = fileUri(path.join(dir, 'suppress.roadmap.md'));
    await client.open(uri, ROADMAP);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => summaryOf(d) !== undefined);
    const hint = hintsOf(diagnostics).find((d) => d.range.start.line === itemLine(ROADMAP, 'Dark mode'))!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: hint.range, context: { diagnostics: [hint], only: [CodeActionKind.QuickFix] },
    }) as CodeAction[];
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Open documentation for roadmap/no-outcome'), titles.join(' | '));
    const disable = actions.find((action) => action.title === 'Disable roadmap/no-outcome for this line');
    assert.ok(disable, titles.join(' | '));
    const edits: TextEdit[] = disable.edit?.changes?.[uri] ?? [];
    const text = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, ROADMAP), edits);
    // Indented into the list item above, so the list stays one list.
    assert.equal(text.split('\n')[itemLine(text, 'Dark mode') - 1].trim(), '<!-- strategy-lint-disable-next-line roadmap/no-outcome -->');

    const before = client.publicationCount(uri);
    await client.change(uri, [{ text }]);
    const after = await client.waitForDiagnostics(uri, (d) => /^6 of 7/.test(String(summaryOf(d)?.message ?? '')), { after: before });
    const remaining = ITEMS.filter((item) => item !== 'Dark mode');
    assert.deepEqual(summaryOf(after)!.relatedInformation!.map((entry) => entry.location.range.start.line), remaining.map((item) => itemLine(text, item)));
    assert.deepEqual(hintsOf(after).map((d) => d.range.start.line), remaining.map((item) => itemLine(text, item)));
  });

  test('a client without the relatedInformation capability gets the summary and the hints without it', async () => {
    const uri = fileUri(path.join(dir, 'plain', 'ROADMAP.md'));
    await plain.open(uri, ROADMAP);
    const diagnostics = await plain.waitForDiagnostics(uri, (d) => summaryOf(d) !== undefined);
    assert.ok(diagnostics.every((d) => d.relatedInformation === undefined));
    assert.equal(hintsOf(diagnostics).length, ITEMS.length);
  });
});
