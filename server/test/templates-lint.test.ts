/**
 * Every template, with its tab stops filled by the sample values it documents, lints clean with
 * all rules on — the templates teach the practice the linter checks. Unfilled, the placeholders
 * are flagged, so a user is reminded to fill them in.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from '../src/engine/index.js';
import { repoRoot } from './helpers/paths.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

interface TemplateEntry { id: string; docType: string; body: string | string[]; samplesFile: string; suggestedFileName: string }

const fill = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'snippet-grammar.mjs')).href)) as typeof import('../../scripts/snippet-grammar.mjs');
const index = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'templates.json'), 'utf8')) as TemplateEntry[] | { templates: TemplateEntry[] };
const templates: TemplateEntry[] = Array.isArray(index) ? index : index.templates;

describe('templates', () => {
  test('there is a template for every document type the product promises', () => {
    assert.deepEqual(templates.map((t) => t.id).sort(), ['decision-doc', 'investor-update', 'okr-set', 'release-note', 'roadmap', 'status-update', 'strategy-memo', 'vision-memo']);
  });
  for (const template of templates) {
    const samples = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'templates', path.basename(template.samplesFile)), 'utf8')) as { samples: Record<string, string> };
    test(`${template.id}: filled with its samples, it lints clean as ${template.docType}`, () => {
      const text = fill.fillWithSamples(template.body, samples.samples, { date: fill.FIXED_DATE });
      const result = lint(text, { filePath: template.suggestedFileName, today: FIXTURE_TODAY });
      assert.equal(result.docType, template.docType);
      assert.deepEqual(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`), []);
    });
    test(`${template.id}: unfilled, its placeholders are flagged`, () => {
      const text = fill.fillWithSamples(template.body, {}, { date: fill.FIXED_DATE });
      const result = lint(text, { filePath: template.suggestedFileName, today: FIXTURE_TODAY });
      assert.ok(result.findings.some((f) => f.ruleId === 'prose/placeholder'), 'placeholders are reported');
    });
  }
});
