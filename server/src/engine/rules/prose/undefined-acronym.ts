import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import { inQuotes } from './shared.js';

/**
 * Acronyms every reader of a business or software document knows, units, currencies, time zones
 * and places. Users add their own domain's (or remove ones their readers may not know).
 */
const DEFAULT_ALLOW: readonly string[] = [
  // Goals, business and roles
  'OKR', 'KR', 'KPI', 'NPS', 'CSAT', 'ROI', 'CEO', 'CTO', 'CFO', 'COO', 'CPO', 'CMO', 'CIO', 'CRO', 'CISO', 'VP', 'SVP', 'EVP', 'HR', 'PR', 'PM', 'QA',
  'IPO', 'VAT', 'FX', 'RFP', 'B2B', 'B2C', 'SMB', 'R&D', 'P&L', 'M&A', 'ARR', 'MRR', 'YOY', 'QOQ', 'MOM', 'FY', 'EOD', 'EOW', 'EOM', 'EOQ', 'EOY',
  'YTD', 'ETA', 'FAQ', 'FYI', 'ASAP', 'TL', 'DR', 'TLDR', 'BLUF', 'RFC', 'ADR', 'PRD', 'MVP', 'SLA', 'SLO', 'SLI', 'DRI',
  'NDA', 'LLC', 'INC', 'LTD', 'CEO', 'AI', 'ML', 'GDPR', 'SOC', 'ISO', 'HIPAA', 'PCI',
  // Software
  'API', 'SDK', 'UI', 'UX', 'URL', 'URI', 'HTML', 'CSS', 'JS', 'TS', 'JSON', 'YAML', 'TOML', 'XML', 'CSV', 'PDF', 'PNG', 'SVG',
  'JPG', 'JPEG', 'GIF', 'SQL', 'HTTP', 'HTTPS', 'REST', 'RPC', 'CLI', 'GUI', 'IDE', 'OS', 'VM', 'CPU', 'GPU', 'RAM', 'SSD', 'IO',
  'DNS', 'TCP', 'IP', 'SSH', 'SSL', 'TLS', 'JWT', 'SSO', 'SAML', 'AWS', 'GCP', 'IAM', 'DB', 'ORM', 'CRUD', 'CI', 'CD', 'PR', 'MR',
  'ID', 'UUID', 'UTF', 'ASCII', 'DOM', 'CDN', 'SEO', 'CRM', 'ERP', 'IT', 'USB', 'LSP', 'ESM', 'CJS', 'NPM', 'MIT', 'BSD', 'GPL',
  'MD', 'README', 'CHANGELOG', 'LICENSE', 'TODO', 'FIXME', 'TBD', 'TBC', 'TBA', 'WIP', 'N/A', 'NA', 'OK', 'NB', 'PS',
  'AST', 'POSIX', 'LTS', 'ISC', 'MPL', 'LGPL', 'AGPL', 'GNU', 'OSS', 'FOSS', 'HD', 'GH', 'GUID', 'HDR', 'TTL', 'IRC', 'WHATWG', 'W3C', 'IETF',
  'ECMA', 'ES', 'LLVM', 'JSX', 'TSX', 'MDX', 'WASM', 'CORS', 'CSRF', 'XSS', 'OIDC', 'CSP', 'PWA', 'SPA', 'SSR', 'SSG', 'CMS', 'VPN',
  'LAN', 'WAN', 'SMS', 'OTP', 'MFA', 'AMD', 'UMD', 'DSL', 'REPL', 'GC', 'JIT', 'AOT', 'ABI', 'FFI', 'MVC', 'OOP', 'TDD', 'BDD',
  'RTL', 'LTR', 'ARIA', 'WCAG', 'BOM', 'EOF', 'EOL', 'CRLF', 'LF', 'CR', 'MIME', 'SMTP', 'IMAP', 'FTP', 'SFTP', 'RSS', 'TTY',
  'ANSI', 'IIRC', 'AFAIK', 'IMO', 'IMHO', 'FWIW', 'TBH', 'VPC', 'KMS', 'CDK', 'PATH', 'HOME', 'ENV', 'SVG', 'NPS',
  'CSAT', 'SKU', 'SSOT', 'RSVP', 'MBA', 'CV',
  // Units, currencies, time zones, places
  // (units of measure, such as GB and MHz, are known only after a number: see UNITS)
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'INR', 'CAD', 'AUD', 'CHF', 'UTC', 'GMT', 'CET', 'CEST', 'EST', 'EDT', 'PST', 'PDT', 'BST',
  'IST', 'JST', 'AM', 'PM', 'US', 'USA', 'UK', 'EU', 'UN', 'UAE', 'APAC', 'EMEA', 'LATAM', 'NYC', 'SF', 'LA', 'DC',
  // Roles and common words known outside any one company
  'IC', 'EM', 'GM', 'SWE', 'DNA', 'COVID', 'TV', 'IQ', 'NASA', 'IBM', 'NVIDIA', 'SAP', 'HP', 'GE', 'BMW', 'UPS',
  'CNN', 'BBC', 'FBI', 'AT&T', 'XYZ', 'ABC',
  // Capitalised words that are not acronyms
  'NOTE', 'WARNING', 'IMPORTANT', 'CAUTION', 'TIP', 'NEW', 'FREE', 'YES', 'NO', 'NOT', 'AND', 'OR', 'THE', 'ALL', 'NONE', 'BETA',
  'NEXT', 'NOW', 'LATER', 'DONE', 'STOP', 'START', 'GO', 'HELP', 'WHY', 'HOW', 'WHAT', 'WHO', 'WHEN', 'BIG', 'MUST', 'NEVER',
  'ALPHA', 'GA', 'VS', 'Q&A', 'AKA', 'ETC', 'IE', 'EG',
  // HTTP methods and git's HEAD: names written in capitals, not abbreviations
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD',
];

/**
 * Left out on purpose: jargon of one trade that its labellers would spell out (LLM, MAU, POC,
 * LGTM, GFM, SRE), and acronyms with several common meanings (TOC: table of contents or technical
 * oversight committee; TPM: program manager or trusted platform module).
 */

/** Units of measure: known after a number ("16 GB", "3 MW"), but "GB" alone may be a governing board. */
const UNITS = new Set(['KB', 'MB', 'GB', 'TB', 'PB', 'KW', 'MW', 'GW', 'KWH', 'MWH', 'GHZ', 'MHZ', 'RPM', 'RPS', 'QPS', 'TPS', 'FPS',
  'DPI', 'PPI']);
const NUMBER_BEFORE = /\d\s?$/;

/** A run of capitals, with a plural or possessive ending; not part of a word, path, handle, ticket key or file name. */
const CANDIDATE = /(?<![\p{L}\p{N}_/.@#$\\])([A-Z][A-Z0-9&]{1,7})(s|['’]s)?(?![\p{L}\p{N}_]|\.[\p{L}\p{N}]|-(?![a-z]{2,}(?![\p{L}\p{N}_-]))[\p{L}\p{N}])/gu;
/** Letters joined by at most a digit or "&" ("B2B", "R&D"); no trailing digits ("Q3", "FY27", "EC2"). */
const SHAPE = /^[A-Z]+(?:[0-9&][A-Z]+)*$/;
const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** `until`: a definition before this offset still comes in time (the rest of the block; for a heading, the block under it). */
interface Use { acronym: string; start: number; end: number; until: number }
interface Definition { offset: number; expansion: string | null }

function isAcronym(token: string): boolean {
  const capitals = token.replace(/[^A-Z]/g, '').length;
  return capitals >= 2 && capitals <= 6 && SHAPE.test(token) && !ROMAN.test(token);
}

/** All-caps runs ("DO NOT SHIP") and shouted blocks are emphasis, not acronyms. */
function isShoutedRun(text: string, index: number, length: number): boolean {
  const before = /([A-Z]{2,})[ \t]+$/.exec(text.slice(Math.max(0, index - 20), index));
  const after = /^[ \t]+([A-Z]{2,})(?![\p{L}])/u.exec(text.slice(index + length, index + length + 20));
  return before !== null || after !== null;
}

function isShoutedBlock(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6;
}

/**
 * Words before "(" that spell the acronym out: as many words as the acronym has letters, roughly.
 * Null when fewer than two of its letters start those words: "spread usage (MAUs)" and "pod
 * networking (CNI, etc.)" name examples, not expansions.
 */
function expansionBefore(text: string, index: number, acronym: string, lenient = false): string | null {
  const words = text.slice(Math.max(0, index - 120), index).trim().split(/\s+/).filter(Boolean);
  const letters = acronym.replace(/[^A-Z]/g, '');
  const taken = words.slice(-Math.min(words.length, letters.length + 1));
  const initialOf = (word: string): string => word.replace(/^[^\p{L}]+/u, '').slice(0, 1).toUpperCase();
  // At least two of the acronym's letters (one for a two-letter acronym whose first letter leads) start the words.
  const initials = taken.map(initialOf);
  let matched = 0;
  const unused = [...initials];
  for (const letter of letters) {
    const at = unused.indexOf(letter);
    if (at >= 0) {
      matched++;
      unused.splice(at, 1);
    }
  }
  if (matched < Math.min(2, letters.length) && !lenient) return null;
  const from = Math.max(0, initials.findIndex((initial) => letters.includes(initial)));
  const picked = taken.slice(from).join(' ').replace(/[*_]+/g, '');
  return picked.length > 0 ? picked : null;
}

/** Where each acronym is spelled out in a block: "net revenue retention (NRR)", "NRR (net revenue retention)", glossary lines. */
function definitionsIn(text: string, define: (acronym: string, index: number, expansion: string | null) => void): void {
  // "Net Revenue Retention (NRR)", "(NRRs)", "(NRR, our north-star metric)", "Ideal Customer Profile (“ICP”)", "(IM/IT)".
  for (const match of text.matchAll(/\(\s*["“]?([A-Z][A-Z0-9&]{1,7})(?:s|['’]s)?(?:\/([A-Z][A-Z0-9&]{1,7}))?["”]?\s*[),;:]/g)) {
    if (match.index > 0 && /[\p{L}\p{N}]/u.test(text.slice(Math.max(0, match.index - 3), match.index))) {
      // A gloss closing a heading or a label ("## Disaster Recovery (BBR)") spells it out as its writer means it.
      const closing = /^\)[^\p{L}\p{N}]*$/u.test(text.slice(match.index + match[0].length - 1));
      const expansion = expansionBefore(text, match.index, match[1], closing);
      if (expansion) define(match[1], match.index, expansion);
      if (expansion && match[2]) define(match[2], match.index, expansion);
    }
  }
  // "NRR (net revenue retention)": at least two words inside, not a number.
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])([A-Z][A-Z0-9&]{1,7})(?:s|['’]s)?\s*\(([^()\d]{3,80})\)/gu)) {
    if (match[2].trim().split(/\s+/).length >= 2) define(match[1], match.index, match[2].trim());
  }
  // "NRR, or net revenue retention", "NRR stands for …", "NRR means …", "NRR is short for …".
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])([A-Z][A-Z0-9&]{1,7})(?:,\s*or|\s+stands\s+for|\s+means|\s+is\s+short\s+for|\s+is\s+an\s+acronym\s+for|\s+refers\s+to)\s+([\p{L}][^.,;:()]{2,60})/gu)) {
    define(match[1], match.index, match[2].trim());
  }
  // "net revenue retention, or NRR", "Generic Associated Types, or GATs".
  for (const match of text.matchAll(/,\s*or\s+\[?([A-Z][A-Z0-9&]{1,7})(?:s|['’]s)?\b/g)) {
    const expansion = expansionBefore(text, match.index, match[1]);
    if (expansion) define(match[1], match.index, expansion);
  }
  // Glossary lines: "NRR: net revenue retention", "**NRR** — net revenue retention", "NRR = …", at the start of a block.
  const glossary = /^\s*([A-Z][A-Z0-9&]{1,7})\s*(?:[:=—–]|\s-\s)\s*([\p{L}][^.;]{2,80})/u.exec(text);
  if (glossary && glossary[2].trim().split(/\s+/).length >= 2) define(glossary[1], glossary.index, glossary[2].trim());
}

/** What a block's text defines and uses, by text index (the text alone decides it). */
interface BlockScan {
  definitions: Array<{ acronym: string; index: number; expansion: string | null }>;
  uses: Array<{ acronym: string; index: number }>;
}

/** Scans by allow list and block text: unchanged blocks are not scanned again on the next lint. */
const scans = new Map<string, BlockScan>();
let scansAllowKey = '';

function scanBlock(text: string, allowList: readonly string[], allowKey: string): BlockScan {
  if (allowKey !== scansAllowKey || scans.size > 20_000) {
    scans.clear();
    scansAllowKey = allowKey;
  }
  let scan = scans.get(text);
  if (scan) return scan;
  const allow = new Set(allowList);
  scan = { definitions: [], uses: [] };
  const found = scan;
  definitionsIn(text, (acronym, index, expansion) => found.definitions.push({ acronym, index, expansion }));
  let letterShare: boolean | undefined;
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(text)) !== null) {
    const acronym = match[1];
    if (!isAcronym(acronym) || allow.has(acronym) || allow.has(`${acronym}s`)) continue;
    if (UNITS.has(acronym) && NUMBER_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue; // "16 GB"

    if (isShoutedRun(text, match.index, match[0].length)) continue;
    letterShare ??= isShoutedBlock(text);
    if (letterShare) continue;
    if (/^\s*[:\-–—]\s*(?:https?:|www\.)/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 12))) continue; // "KAFKA: https://…", a link label
    found.uses.push({ acronym, index: match.index });
  }
  scans.set(text, scan);
  return scan;
}

/**
 * Acronyms in the document's title name its subject ("# CNCF TOC Principles", "IPFS in Web
 * Browsers"): whoever opens the page came for it.
 */
function subjectNames(doc: StrategyDocument): Set<string> {
  const titles = [doc.titleText, doc.frontMatterValue('title')].filter((t): t is string => typeof t === 'string');
  const names = new Set<string>();
  // Every run of capitals counts, even next to another ("# ACME CLI 4.0" is a name, not shouting).
  for (const title of titles) for (const match of title.matchAll(CANDIDATE)) if (isAcronym(match[1])) names.add(match[1]);
  return names;
}

/**
 * "Digital Public Goods Alliance (DPGA)" spells out "DPG" too: the first words of a longer
 * acronym's expansion, when their initials are the shorter one ("a recognized DPG"). Two letters
 * are too often a coincidence to count.
 */
function spelledInLonger(definitions: ReadonlyMap<string, Definition>, acronym: string): Definition | undefined {
  let found: Definition | undefined;
  for (const [longer, definition] of definitions) {
    if (acronym.length < 3 || longer.length <= acronym.length || !longer.startsWith(acronym) || !definition.expansion) continue;
    const initials = definition.expansion.split(/[\s-]+/).map((word) => word.replace(/^[^\p{L}]+/u, '').slice(0, 1)).join('').toUpperCase();
    if (initials.slice(0, acronym.length) !== acronym) continue;
    if (!found || definition.offset < found.offset) found = definition;
  }
  return found;
}

/** How a digit inside an acronym reads: "E2E" is end-to-end, "P2P" peer-to-peer, "B4" before. */
const DIGIT_WORD: Record<string, string> = { 2: 'T', 4: 'F' };
/** How far before a use the words it abbreviates may stand and still be read with it: the sentence before, roughly. */
const JUST_BEFORE = 400;

/**
 * The words an acronym abbreviates, written out just before it without parentheses: "six months of
 * release candidate testing … RC-related issues", "true end-to-end visibility … E2E latency". The
 * words must follow each other and their initials spell the whole acronym, one word a letter.
 */
function spelledJustBefore(doc: StrategyDocument, use: Use): Definition | undefined {
  const letters = [...use.acronym].map((c) => DIGIT_WORD[c] ?? c);
  if (letters.some((c) => !/[A-Z]/.test(c))) return undefined;
  const from = Math.max(0, use.start - JUST_BEFORE);
  const words = [...doc.text.slice(from, use.start).matchAll(/\p{L}[\p{L}'’]*/gu)];
  for (let i = 0; i + letters.length <= words.length; i++) {
    const run = words.slice(i, i + letters.length);
    if (!run.every((word, k) => word[0][0].toUpperCase() === letters[k])) continue;
    // The words are one phrase: nothing but spaces or hyphens between them.
    const gaps = run.slice(1).every((word, k) => /^[\s-]+$/.test(doc.text.slice(from + run[k].index! + run[k][0].length, from + word.index!)));
    // Not a piece of a longer name: "Public Goods Alliance" inside "Digital Public Goods Alliance" is not "PGA".
    const joined = (a: RegExpMatchArray | undefined, b: RegExpMatchArray | undefined): boolean => a !== undefined && b !== undefined
      && /^\p{Lu}/u.test(a[0]) && /^\p{Lu}/u.test(b[0]) && /^[\s-]+$/.test(doc.text.slice(from + a.index! + a[0].length, from + b.index!));
    if (joined(words[i - 1], run[0]) || joined(run[run.length - 1], words[i + letters.length])) continue;
    if (gaps && run.some((word) => word[0].length > 2)) return { offset: from + run[0].index!, expansion: run.map((word) => word[0]).join(' ') };
  }
  return undefined;
}

/** Glossary tables: a row whose first cell is the acronym and another cell has words. */
function tableDefinitions(doc: StrategyDocument, found: Map<string, Definition>): void {
  for (const item of doc.items) {
    if (item.kind !== 'table-row' || !item.cells || item.cells.length < 2) continue;
    const first = item.cells[0].text.replace(/[*_`]/g, '').trim();
    if (!/^[A-Z][A-Z0-9&]{1,7}$/.test(first)) continue;
    const other = item.cells.slice(1).find((cell) => cell.text.trim().split(/\s+/).length >= 2);
    if (!other) continue;
    const known = found.get(first);
    if (!known || item.start < known.offset) found.set(first, { offset: item.start, expansion: other.text.trim() });
  }
}

export default defineRule({
  meta: {
    id: 'prose/undefined-acronym',
    family: 'prose',
    description: 'Acronyms used before they are spelled out (or never spelled out), except well-known ones.',
    defaultSeverity: 'information',
    types: ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update', 'generic'],
    documentLevel: false,
    fixable: false,
    options: {
      allow: {
        type: 'string[]',
        default: DEFAULT_ALLOW,
        description: 'Acronyms your readers know without explanation (matched case-sensitively, plurals included). Add your company\'s own.',
      },
    },
    rationale:
      'An undefined acronym is a closed door for every reader outside your team: the exec from another function, the new hire, the partner. Even insiders disagree: the seeds spell NRR as both "net recurring revenue" and "net revenue retention". Spelling it out once, at first use, costs five words. The first use may be a heading (a definition in the paragraph under it comes in time), plurals and possessives count ("CRDs", "SRE\'s"), and a definition later in the same paragraph is in time. Acronyms in the document\'s title name its subject and are not reported; units such as GB count as known only after a number.',
    howToFix:
      'At the first use, write the full term with the acronym in parentheses — "net revenue retention (NRR)" — and use the acronym alone afterwards. If the acronym is spelled out later in the document, move that definition up.',
    seeds: [
      { source: '001', quote: 'Net Recurring Revenue (NRR) is the cleanest truth-teller in my operating system' },
      { source: '002', quote: 'net revenue retention' },
    ],
    examples: {
      bad: '# Expansion strategy\n\nOur NRR fell to 96% while the ICP shifted to mid-market.\n',
      good: '# Expansion strategy\n\nOur net revenue retention (NRR) fell to 96% while our ideal customer profile (ICP) shifted to mid-market. NRR must be back above 105% by Q4, with every API change reviewed against it.\n',
    },
  },
  check({ doc, options, report }) {
    const allowKey = options.allow.join('\u0001');
    const uses: Use[] = [];
    const definitions = new Map<string, Definition>();
    const blocks = doc.textBlocks;
    const named = subjectNames(doc);
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      if (!/[A-Z]{2}/.test(block.text)) continue;
      const scan = scanBlock(block.text, options.allow, allowKey);
      for (const definition of scan.definitions) {
        const offset = block.sourceOffset(definition.index);
        const known = definitions.get(definition.acronym);
        if (!known || offset < known.offset) definitions.set(definition.acronym, { offset, expansion: definition.expansion });
      }
      const until = block.kind === 'heading' && blocks[b + 1] ? blocks[b + 1].end : block.end;
      for (const use of scan.uses) {
        if (named.has(use.acronym)) continue;
        const { start, end } = block.sourceRange(use.index, use.index + use.acronym.length);
        uses.push({ acronym: use.acronym, start, end, until });
      }
    }
    if (uses.length === 0) return;
    tableDefinitions(doc, definitions);

    const reported = new Set<string>();
    for (const use of uses) {
      if (reported.has(use.acronym)) continue;
      const definition = definitions.get(use.acronym) ?? spelledInLonger(definitions, use.acronym) ?? spelledJustBefore(doc, use);
      if (definition && definition.offset < use.until) {
        reported.add(use.acronym); // spelled out before its first use, or in the same paragraph (under the same heading)
        continue;
      }
      reported.add(use.acronym);
      if (definition) {
        const line = doc.lines.positionAt(definition.offset).line + 1;
        const spelled = definition.expansion ? `${inQuotes(`${definition.expansion} (${use.acronym})`)}` : 'the definition';
        report({
          message: `${inQuotes(use.acronym)} is used here but spelled out only later (line ${line}): move ${spelled} up to this first use.`,
          start: use.start,
          end: use.end,
        });
      } else {
        report({
          message: `${inQuotes(use.acronym)} is never spelled out: write the full term at its first use, "… (${use.acronym})", or add it to the allow list if every reader knows it.`,
          start: use.start,
          end: use.end,
        });
      }
    }
  },
});
