/**
 * The rule contract (as ESLint's RuleTester enforces it): every id in RULES.md is registered once,
 * in a file named by its id, with complete metadata; each rule's bad example triggers it and its
 * good example does not; fixes come only from rules marked fixable.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, lint, lintWorkspace, WorkspaceModel, DOC_TYPES, SEVERITIES, RULE_FAMILIES, type OptionSpecs, type RuleMeta } from '../src/engine/index.js';
import { serverRoot } from './helpers/paths.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { CATALOG_RULE_IDS } from './helpers/catalog.js';
import { lintFixture, listFixtures, readFixture } from './helpers/fixtures.js';
import { contractBreach } from '../src/engine/rule-contract.js';
import { INTERNAL_ERROR_RULE_ID } from '../src/engine/lint.js';

describe('rule registry', () => {
  test('every catalog id is registered exactly once, and nothing else', () => {
    const ids = allRules.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    assert.deepEqual([...ids].sort(), [...CATALOG_RULE_IDS].sort());
  });
});

for (const rule of allRules) {
  const { meta } = rule;
  describe(meta.id, () => {
    test('lives in a file named by its id', () => {
      assert.ok(fs.existsSync(path.join(serverRoot, 'src', 'engine', 'rules', `${meta.id}.ts`)));
    });
    test('has complete metadata', () => {
      assert.ok((RULE_FAMILIES as readonly string[]).includes(meta.family) && meta.id.startsWith(`${meta.family}/`));
      assert.ok(SEVERITIES.includes(meta.defaultSeverity));
      assert.ok(meta.types.length > 0 && meta.types.every((t) => DOC_TYPES.includes(t)));
      assert.ok(meta.description.length > 20 && !meta.description.includes('\n'), 'one-line description');
      assert.ok(meta.rationale.length > 60, 'rationale');
      assert.ok(meta.howToFix.length > 20, 'howToFix');
      for (const [name, spec] of Object.entries(meta.options as OptionSpecs)) {
        assert.ok(spec.description.length > 10, `option ${name} is described`);
      }
    });
    const lintExample = (text: string) => (meta.scope === 'workspace'
      ? lintExampleFolder(meta, text)
      : lint(text, { type: meta.types[0], onlyRules: [meta.id], today: FIXTURE_TODAY, filePath: 'example.md' }).findings);
    if (meta.scope === 'workspace') {
      test('has an example folder, and its documents get the types the rule runs on', () => {
        assert.ok(meta.exampleFolder && Object.keys(meta.exampleFolder.others).length > 0, 'exampleFolder with other documents');
        const type = lint(meta.examples.bad, { filePath: meta.exampleFolder.file, today: FIXTURE_TODAY, onlyRules: [] }).docType;
        assert.ok(meta.types.includes(type), `${meta.exampleFolder.file} is read as ${type}`);
      });
    }
    test('its bad example triggers it', () => {
      const findings = lintExample(meta.examples.bad);
      assert.ok(findings.some((f) => f.ruleId === meta.id), `bad example produced no ${meta.id}`);
    });
    test('its good example does not', () => {
      const findings = lintExample(meta.examples.good).filter((f) => f.ruleId === meta.id);
      assert.deepEqual(findings.map((f) => `${f.line}: ${f.message}`), []);
    });
    test('fixes only if marked fixable', () => {
      const findings = lintExample(meta.examples.bad);
      if (!meta.fixable) assert.ok(findings.every((f) => !f.fix), 'a fix from a rule not marked fixable');
    });
    test(meta.scope === 'workspace' ? 'runs in lintWorkspace, never in lint()' : 'runs in lint()', () => {
      const findings = lint(meta.examples.bad, { type: meta.types[0], onlyRules: [meta.id], today: FIXTURE_TODAY, filePath: 'example.md' }).findings;
      if (meta.scope === 'workspace') assert.deepEqual(findings.filter((f) => f.ruleId === meta.id), []);
      else assert.ok(findings.some((f) => f.ruleId === meta.id));
    });
  });
}

describe('the contract is enforced as a rule reports', () => {
  const fix = { title: 'Insert x', edits: [{ start: 0, end: 0, newText: 'x' }] };
  test('a fix from a rule not marked fixable is refused', () => {
    assert.match(contractBreach({ documentLevel: false, fixable: false }, false, fix) ?? '', /not marked fixable/);
    assert.equal(contractBreach({ documentLevel: false, fixable: true }, false, fix), null);
  });
  test('a whole-document finding needs documentLevel or summarises', () => {
    assert.match(contractBreach({ documentLevel: false, fixable: false }, true, undefined) ?? '', /whole-document finding/);
    assert.equal(contractBreach({ documentLevel: false, summarises: true, fixable: false }, true, undefined), null);
    assert.equal(contractBreach({ documentLevel: true, fixable: false }, true, undefined), null);
  });
  test('a rule that judges the whole document reports no range', () => {
    assert.match(contractBreach({ documentLevel: true, fixable: false }, false, undefined) ?? '', /on a range/);
  });
  test('no fixture and no example makes a rule break its contract', () => {
    const breaches: string[] = [];
    const collect = (name: string, findings: ReadonlyArray<{ ruleId: string; message: string }>) => {
      for (const f of findings) if (f.ruleId === INTERNAL_ERROR_RULE_ID && /broke its contract/.test(f.message)) breaches.push(`${name}: ${f.message}`);
    };
    for (const fixture of listFixtures().map(readFixture)) collect(fixture.name, lintFixture(fixture).findings);
    for (const rule of allRules) {
      for (const example of [rule.meta.examples.bad, rule.meta.examples.good]) {
        collect(rule.meta.id, lint(example, { type: rule.meta.types[0], today: FIXTURE_TODAY, filePath: 'example.md' }).findings);
      }
    }
    assert.deepEqual(breaches, []);
  });
});

/** A workspace rule's example: its document in a folder with the example's other documents. */
function lintExampleFolder(meta: RuleMeta, text: string) {
  const folder = meta.exampleFolder!;
  const model = new WorkspaceModel();
  for (const [key, other] of Object.entries({ ...folder.others, [folder.file]: text })) {
    const result = lint(other, { filePath: key, today: FIXTURE_TODAY, onlyRules: [] });
    model.set(key, { document: result.document, layers: result.layers });
  }
  return lintWorkspace(model, { onlyRules: [meta.id] }).findings.get(folder.file) ?? [];
}
