/**
 * "Disable for this line" and "Disable for this file" edits: each must silence exactly the
 * finding it is for, and leave the Markdown's structure (lists, tables, paragraphs, tightness)
 * and the front matter's other data exactly as they were.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import type { Nodes, Parents } from 'mdast';
import { lint, type TextEdit } from '../src/engine/index.js';
import { parseMarkdown, readFrontMatter } from '../src/engine/model/parse.js';
import { disableForFileEdit, disableForLineEdit } from '../src/lsp/suppression-edits.js';

const RULE = 'bad-strategy/fluff';
const lintFluff = (text: string) => lint(text, { type: 'strategy', onlyRules: [RULE], today: new Date(Date.UTC(2026, 10, 21)) }).findings;
const apply = (text: string, edit: TextEdit): string => text.slice(0, edit.start) + edit.newText + text.slice(edit.end);

/** Block structure without HTML nodes: what a reader sees rendered. */
function skeleton(text: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes, depth: number): void => {
    if (node.type === 'html' || node.type === 'text' || node.type === 'inlineCode' || node.type === 'emphasis' || node.type === 'strong' || node.type === 'link' || node.type === 'break') return;
    const extra = node.type === 'list' ? ` ordered=${node.ordered} spread=${node.spread} items=${node.children.length}`
      : node.type === 'listItem' ? ` spread=${node.spread} checked=${node.checked}`
        : node.type === 'table' ? ` rows=${node.children.length}`
          : node.type === 'tableRow' ? ` cells=${node.children.length}` : '';
    out.push(`${'  '.repeat(depth)}${node.type}${extra}`);
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child, depth + 1);
  };
  visit(parseMarkdown(text), 0);
  return out;
}

interface LineCase { name: string; text: string; line: number }

const LINE_CASES: LineCase[] = [
  { name: 'a paragraph\'s first line', text: '# Memo\n\nWe will leverage the platform.\nSecond line.\n', line: 2 },
  { name: 'a paragraph continuation line', text: '# Memo\n\nFirst line of the paragraph.\nWe will leverage the platform.\nThird line.\n', line: 3 },
  { name: 'a heading', text: '# Memo\n\n## How we leverage data\n\nText.\n', line: 2 },
  { name: 'the first item of a list', text: '# Memo\n\nIntro:\n- We leverage the platform\n- Second item\n', line: 3 },
  { name: 'a later item of a tight list', text: '# Memo\n\n- First item\n- We leverage the platform\n- Third item\n', line: 3 },
  { name: 'a later item of a loose list', text: '# Memo\n\n- First item\n\n- We leverage the platform\n\n- Third item\n', line: 4 },
  { name: 'an ordered list with wide markers', text: '# Memo\n\n9. Ninth item\n10. We leverage the platform\n11. Eleventh\n', line: 3 },
  { name: 'the first child of a nested list', text: '# Memo\n\n- Parent item\n  - We leverage the platform\n  - Sibling\n- Next\n', line: 3 },
  { name: 'a later child of a nested list', text: '# Memo\n\n- Parent item\n  - First child\n  - We leverage the platform\n- Next\n', line: 4 },
  { name: 'an item after a nested list', text: '# Memo\n\n- Parent item\n  - Child\n- We leverage the platform\n', line: 4 },
  { name: 'a task list item', text: '# Memo\n\n- [ ] First task\n- [x] We leverage the platform\n', line: 3 },
  { name: 'a lazy continuation line in a list item', text: '# Memo\n\n- First line of the item\nwe leverage the platform here\n- Next item\n', line: 3 },
  { name: 'a table row with a trailing pipe', text: '# Memo\n\n| Action | Owner |\n|---|---|\n| Leverage the platform | @ana |\n| Hire | @bo |\n', line: 4 },
  { name: 'a table row without a trailing pipe', text: '# Memo\n\nAction | Owner\n---|---\nLeverage the platform | @ana\nHire | @bo\n', line: 4 },
  { name: 'a blockquote\'s first line', text: '# Memo\n\n> We leverage the platform.\n> More.\n', line: 2 },
  { name: 'a second paragraph in a blockquote', text: '# Memo\n\n> First.\n>\n> We leverage the platform.\n', line: 4 },
  { name: 'a second paragraph in a list item', text: '# Memo\n\n- First item\n\n  We leverage the platform.\n- Next\n', line: 4 },
  { name: 'a line of a CRLF document', text: '# Memo\r\n\r\n- First item\r\n- We leverage the platform\r\n', line: 3 },
];

describe('disable for this line', () => {
  for (const { name, text, line } of LINE_CASES) {
    test(name, () => {
      const before = lintFluff(text);
      const target = before.filter((finding) => finding.line === line + 1);
      assert.equal(target.length, 1, `the case must have one finding on line ${line + 1}: ${JSON.stringify(before)}`);
      const edit = disableForLineEdit(text, line, RULE);
      const fixed = apply(text, edit);
      assert.deepEqual(lintFluff(fixed), [], `still flagged after the edit:\n${fixed}`);
      assert.deepEqual(skeleton(fixed), skeleton(text), `the structure changed:\n${fixed}`);
      if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), 'line breaks must stay CRLF');
    });
  }

  test('only the rule asked for is silenced', () => {
    const text = '# Memo\n\n- First item\n- We leverage the platform\n';
    const edit = disableForLineEdit(text, 3, 'prose/hedge');
    assert.match(edit.newText, /strategy-lint-disable-next-line prose\/hedge/);
    assert.equal(lintFluff(apply(text, edit)).length, 1);
  });
});

interface FileCase { name: string; text: string; keep?: Record<string, unknown>; alsoDisabled?: string[] }

const FILE_CASES: FileCase[] = [
  { name: 'no front matter: creates it', text: '# Memo\n\nWe leverage the platform.\n' },
  { name: 'front matter without the key: adds it, keeps the rest', text: '---\ntitle: Memo\nowner: "@ana" # the DRI\n---\n\n# Memo\n\nWe leverage the platform.\n', keep: { title: 'Memo', owner: '@ana' } },
  { name: 'a flow map strategy-lint key', text: '---\nstrategy-lint: { type: strategy }\ndate: 2026-11-02\n---\n\n# Memo\n\nWe leverage the platform.\n', keep: { date: '2026-11-02' } },
  { name: 'a block map strategy-lint key', text: '---\nstrategy-lint:\n  type: strategy\nowner: ana\n---\n\n# Memo\n\nWe leverage the platform.\n', keep: { owner: 'ana' } },
  { name: 'an existing flow disable list', text: '---\nstrategy-lint:\n  disable: [prose/hedge]\n---\n\n# Memo\n\nWe leverage the platform.\n', alsoDisabled: ['prose/hedge'] },
  { name: 'an empty flow disable list', text: '---\nstrategy-lint:\n  disable: []\n---\n\n# Memo\n\nWe leverage the platform.\n' },
  { name: 'an existing block disable list', text: '---\nstrategy-lint:\n  disable:\n    - prose/hedge\n# keep this comment\ntitle: Memo\n---\n\n# Memo\n\nWe leverage the platform.\n', alsoDisabled: ['prose/hedge'], keep: { title: 'Memo' } },
  { name: 'a single rule id as a scalar', text: '---\nstrategy-lint:\n  disable: prose/hedge\n---\n\n# Memo\n\nWe leverage the platform.\n', alsoDisabled: ['prose/hedge'] },
  { name: 'a CRLF document', text: '---\r\ntitle: Memo\r\n---\r\n\r\n# Memo\r\n\r\nWe leverage the platform.\r\n', keep: { title: 'Memo' } },
  { name: 'a document starting with a byte order mark', text: '\uFEFF# Memo\n\nWe leverage the platform.\n' },
];

describe('disable for this file', () => {
  for (const { name, text, keep, alsoDisabled } of FILE_CASES) {
    test(name, () => {
      assert.equal(lintFluff(text).length, 1);
      const edit = disableForFileEdit(text, RULE);
      assert.ok(edit, 'an edit is offered');
      const fixed = apply(text, edit);
      const frontMatter = readFrontMatter(parseMarkdown(fixed));
      assert.ok(frontMatter?.data, `front matter must parse:\n${fixed}`);
      const own = frontMatter.data['strategy-lint'] as { disable: string[] };
      assert.deepEqual([...own.disable].sort(), [...(alsoDisabled ?? []), RULE].sort());
      for (const [key, value] of Object.entries(keep ?? {})) {
        const actual: unknown = frontMatter.data[key] instanceof Date ? (frontMatter.data[key] as Date).toISOString().slice(0, 10) : frontMatter.data[key];
        assert.deepEqual(actual, value, `front matter ${key} kept`);
      }
      if (text.includes('# keep this comment')) assert.ok(fixed.includes('# keep this comment'));
      if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), 'line breaks must stay CRLF');
      assert.deepEqual(lintFluff(fixed), [], `still flagged:\n${fixed}`);
      // The body below the front matter is untouched.
      assert.ok(fixed.endsWith(text.slice(text.indexOf('# Memo'))));
      assert.doesNotThrow(() => parseYaml(fixed.split(/^---\r?$/m)[1] ?? ''));
    });
  }

  test('a rule that is already listed gets no second entry', () => {
    const text = '---\nstrategy-lint:\n  disable: [bad-strategy/fluff]\n---\n\n# Memo\n';
    assert.equal(disableForFileEdit(text, RULE), null);
  });

  test('front matter that is not valid YAML is left alone', () => {
    const text = '---\ntitle: [unclosed\n---\n\n# Memo\n\nWe leverage the platform.\n';
    assert.equal(disableForFileEdit(text, RULE), null);
  });
});
