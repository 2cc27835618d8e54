// Workspace model: a 50-document docs repository (one strategy, OKR sets, roadmaps, decisions and
// release notes of one made-up company, generated with a fixed seed), then one roadmap edited
// again and again. Each round times what the language server does after the edited document is
// linted: the workspace model's update (that document's part rebuilt, the links resolved again)
// and the trace/* findings of the whole folder (lintWorkspace). The document's own lint is timed
// beside it, for scale. In this process, after warm-up.
//
//   node bench/workspace.mjs            prints the figures as JSON
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUILT, DOCUMENTS as INPUTS, REFERENCE_DATE, exists, log, random, summarize } from './common.mjs';

const DOCUMENTS = 50;
const PLAN = { warmup: 10, runs: 60 };

/**
 * Topics of the made-up company, each two words of real prose: the nouns and adjectives of the
 * bench's 2,500-word memo (a real vocabulary, in its real frequencies), else a fixed list.
 */
function topicsFrom(pick) {
  const text = exists(INPUTS.memo.file) ? fs.readFileSync(INPUTS.memo.file, 'utf8') : '';
  const words = (text.toLowerCase().match(/\b[a-z]{5,12}\b/g) ?? []).filter((word) => !STOP.has(word));
  if (words.length < 200) return FALLBACK_TOPICS;
  return Array.from({ length: 400 }, () => `${words[Math.floor(pick() * words.length)]} ${words[Math.floor(pick() * words.length)]}`);
}

const STOP = new Set(['https', 'about', 'after', 'again', 'their', 'there', 'these', 'those', 'which', 'while', 'where', 'would', 'could', 'should', 'other', 'because', 'before', 'being', 'every', 'first', 'under', 'until', 'using', 'what', 'when', 'with', 'without', 'within', 'through']);

const FALLBACK_TOPICS = ['dispatch board', 'job history import', 'technician app', 'offline notes', 'invoice reminders', 'supplier catalogues', 'customer portal',
  'recurring visits', 'route planning', 'parts inventory', 'photo upload', 'signature capture', 'payment links', 'quote templates', 'team calendar',
  'time sheets', 'service reports', 'warranty tracking', 'SMS updates', 'booking page'];

/** The folder: key → text. */
export function workspaceTexts(count = DOCUMENTS) {
  const pick = random(14);
  const topics = topicsFrom(pick);
  const topic = () => topics[Math.floor(pick() * topics.length)];
  const files = new Map();
  files.set('strategy.md', [
    '---', 'updated: 2026-10-20', '---', '', '# Fernhill strategy 2027', '', '## Diagnosis', '',
    'Small field-service firms churn in their first month because setting up the dispatch board takes two weeks.', '',
    '## Guiding policy', '',
    ...Array.from({ length: 5 }, (_, i) => `- **P${i + 1}. ${topic()} first.** We build ${topic()} and ${topic()} for owner-operated firms, not enterprise.`), '',
    '## Coherent actions', '',
    ...Array.from({ length: 8 }, (_, i) => `${i + 1}. **A${i + 1}. ${topic()}** with ${topic()} (@owner${i}, Q${(i % 4) + 1} 2027).`), '',
  ].join('\n'));
  const kinds = ['okr', 'roadmap', 'roadmap', 'decision', 'release'];
  for (let n = 1; files.size < count; n++) {
    const kind = kinds[n % kinds.length];
    if (kind === 'okr') {
      files.set(`okrs/team-${n}.okrs.md`, ['---', 'strategy: ../strategy.md', 'updated: 2026-11-02', '---', '', `# Squad ${n} OKRs, H1 2027`, '',
        ...[1, 2, 3].flatMap((o) => [`## Objective ${o}: Better ${topic()}`, '', `Serves: P${(o % 5) + 1}`, '',
          ...[1, 2, 3].map((k) => `- KR ${o}.${k}: Raise ${topic()} adoption from ${10 * k}% to ${20 + 10 * k}% by June 2027`), '']),
      ].join('\n'));
    } else if (kind === 'roadmap') {
      files.set(`roadmaps/team-${n}.roadmap.md`, ['---', 'serves: ../strategy.md', 'updated: 2026-11-10', '---', '', `# Squad ${n} roadmap`, '',
        ...['Now', 'Next', 'Later'].flatMap((horizon, h) => [`## ${horizon}`, '',
          ...[0, 1, 2, 3].map((i) => `- **${topic()}** for ${topic()}: firms lose ${2 + i} hours a week. Cuts setup time from ${10 + i} to ${2 + h} days.${i % 2 === 0 ? ` Serves: A${((n + i) % 8) + 1}` : ''}`), '']),
      ].join('\n'));
    } else if (kind === 'decision') {
      files.set(`decisions/${String(n).padStart(4, '0')}-${topic().replace(/\s+/g, '-')}.md`, [`# ADR ${n}: Build ${topic()} on ${topic()}`, '', '## Context', '',
        `Firms ask for ${topic()} because ${topic()} is slow.`, '', '## Decision', '', `We will build ${topic()} first. Serves: A${(n % 8) + 1}`, '',
        '## Options considered', '', `1. ${topic()} (chosen).`, `2. ${topic()}.`, ''].join('\n'));
    } else {
      files.set(`releases/2027-${String(n).padStart(2, '0')}.release.md`, ['---', 'type: release-notes', '---', '', `# Release 2027.${n}`, '',
        ...[0, 1, 2].map(() => `- **${topic()}**: you can now use ${topic()} so your ${topic()} is done on day one.`), ''].join('\n'));
    }
  }
  return files;
}

export async function benchWorkspace() {
  if (!exists(BUILT.engine)) return { error: 'engine not built (run npx tsc -p server)' };
  const { lint, lintWorkspace, WorkspaceModel } = await import(pathToFileURL(BUILT.engine).href);
  const today = new Date(`${REFERENCE_DATE}T12:00:00Z`);
  const files = workspaceTexts();
  const model = new WorkspaceModel({ history: 'none' });
  for (const [key, text] of files) {
    const result = lint(text, { filePath: key, projectPath: key, today, onlyRules: [] });
    model.set(key, { document: result.document, layers: result.layers });
  }
  const first = lintWorkspace(model);
  const edited = [...files.keys()].find((key) => key.startsWith('roadmaps/'));
  const original = files.get(edited);
  log(`workspace: ${files.size} documents, ${model.graph.nodes.size} items, ${model.graph.links.length} links; editing ${edited} (${PLAN.warmup} warm-up + ${PLAN.runs} runs)`);
  const samples = { update: [], lint: [] };
  let findings = 0;
  for (let round = 0; round < PLAN.warmup + PLAN.runs; round++) {
    // One word typed into an item, then deleted on the next round, as someone typing.
    const text = round % 2 === 0 ? original.replace('firms lose 2 hours', 'firms lose 2 long hours') : original;
    const linted = performance.now();
    const result = lint(text, { filePath: edited, projectPath: edited, today });
    const updated = performance.now();
    model.set(edited, { document: result.document, layers: result.layers });
    const traced = lintWorkspace(model);
    const done = performance.now();
    if (round < PLAN.warmup) continue;
    samples.lint.push(updated - linted);
    samples.update.push(done - updated);
    findings = [...traced.findings.values()].reduce((sum, list) => sum + list.length, 0);
  }
  return {
    documents: files.size,
    items: model.graph.nodes.size,
    links: model.graph.links.length,
    findings,
    firstFindings: [...first.findings.values()].reduce((sum, list) => sum + list.length, 0),
    update: summarize(samples.update),
    lint: summarize(samples.lint),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchWorkspace();
  const strip = (key, value) => (key === 'samples' ? undefined : value);
  console.log(JSON.stringify(results, strip, 2));
}
