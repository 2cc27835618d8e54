/**
 * How references are written: node labels ("P2", "Policy 2", "A3", "O1", "KR 1.2"), the leads
 * that introduce them ("Serves:", "Supports:", "Traces to:", "→"), and link targets
 * ("../strategy.md#guiding-policy"), resolved against the referring document's path.
 */

/** One label in a list: as written, and normalised ("Policy 2" → "P2", "KR 1.2" → "KR1.2"). */
interface WrittenLabel {
  raw: string;
  label: string;
}

const ID = /\b(?:(P|GP|Policy\s?#?|Guiding\s+policy\s?#?)\s?(\d{1,2})|(A|Action\s?#?|Coherent\s+action\s?#?)\s?(\d{1,2})|(O|Objective\s?#?|Goal\s?#?)\s?(\d{1,2})|(KR|Key\s+result\s?#?)\s?#?(\d{1,2}(?:\.\d{1,2})?)|(D|Diagnosis\s?#?)\s?(\d))\b/iy;
/** A label is short: longer text is never one. */
const MAX_LABEL_LENGTH = 40;

/** "Policy 2" → "P2", "kr 1.2" → "KR1.2", "Objective 3" → "O3"; null when the text is not one label. */
export function normaliseLabel(text: string): string | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  ID.lastIndex = 0;
  let from = 0;
  let to = text.length;
  while (from < to && ' \t([\n'.includes(text[from])) from++;
  while (to > from && ' \t)]:.\n'.includes(text[to - 1])) to--;
  const trimmed = text.slice(from, to);
  const match = ID.exec(trimmed);
  if (!match || match[0].length !== trimmed.length) return null;
  return labelOf(match);
}

function labelOf(match: RegExpExecArray): string | null {
  const strictLetter = (prefix: string): boolean => prefix.length > 2 || prefix === prefix.toUpperCase();
  if (match[1] !== undefined) return strictLetter(match[1]) ? `P${Number(match[2])}` : null;
  if (match[3] !== undefined) return strictLetter(match[3]) ? `A${Number(match[4])}` : null;
  if (match[5] !== undefined) return strictLetter(match[5]) ? `O${Number(match[6])}` : null;
  if (match[7] !== undefined) return strictLetter(match[7]) ? `KR${match[8].split('.').map(Number).join('.')}` : null;
  if (match[9] !== undefined) return strictLetter(match[9]) ? `D${Number(match[10])}` : null;
  return null;
}

/**
 * The labels at the start of `text`, one after another ("P2, A1 and KR 1.2 — …" → P2, A1,
 * KR1.2): the text after a lead ("Serves:"), a table cell of a "Serves" column, a front-matter value.
 */
export function parseLabelList(text: string): WrittenLabel[] {
  const labels: WrittenLabel[] = [];
  let at = 0;
  // A Markdown link's text stays in the prose: "[Policy 2](…)" reads "Policy 2".
  const source = text.replace(/^\s*[[(]/, (m) => ' '.repeat(m.length));
  for (;;) {
    const from = afterSeparator(source, at);
    ID.lastIndex = from;
    const match = ID.exec(source);
    if (!match) break;
    const label = labelOf(match);
    if (!label) break;
    labels.push({ raw: match[0], label });
    at = from + match[0].length;
    // "[Policy 2](strategy.md)": skip the rest of the link.
    const rest = /^\]\([^)\s]*\)/.exec(source.slice(at));
    if (rest) at += rest[0].length;
    if (labels.length >= 12) break;
  }
  return labels;
}

const BLANK = /\s/;

/** Past what may stand between two labels of a list: ", ", " and ", " & ", " / " (read by hand: a sticky `\s*` run at every offset is quadratic). */
function afterSeparator(text: string, at: number): number {
  let i = at;
  while (i < text.length && BLANK.test(text[i])) i++;
  if (i < text.length && ',;&+/'.includes(text[i])) i++;
  else {
    const word = /^(?:and|or)(?![\p{L}\p{N}])/iu.exec(text.slice(i, i + 4));
    if (word) i += word[0].length;
  }
  while (i < text.length && BLANK.test(text[i])) i++;
  return i;
}

/** A fresh regex for the leads that introduce labels ("Serves:", "Supports:", "→"); global, so one per scan. */
export function labelLeads(): RegExp {
  return /(?:\b(?:serves|serving|supports|traces?\s+to|carries\s+out|delivers\s+on|implements|advances|policy|policies|okrs?|krs?|action)\s*[:：]|→|->|⟶|⇒)\s*/giu;
}

/** A link target split into a document path and an anchor; null for web pages, mail, images and other files. */
export function splitTarget(url: string): { path: string; fragment?: string } | null {
  const trimmed = url.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return null;
  const hash = trimmed.indexOf('#');
  const rawPath = (hash >= 0 ? trimmed.slice(0, hash) : trimmed).replace(/\?.*$/, '');
  const rawFragment = hash >= 0 ? trimmed.slice(hash + 1) : '';
  let path: string;
  let fragment: string;
  try {
    path = decodeURIComponent(rawPath);
    fragment = decodeURIComponent(rawFragment).toLowerCase();
  } catch {
    return null;
  }
  if (path !== '' && !/\.(?:md|markdown|mdown|mkd)$/i.test(path) && !path.endsWith('/')) return null;
  return fragment ? { path, fragment } : { path };
}

/**
 * A link path resolved against the referring document's key, `/`-separated, "." and ".."
 * folded ("docs/roadmap.md" + "../strategy.md" → "strategy.md"); a leading "/" is the workspace
 * root; a folder ("okrs/") is its README.md.
 */
export function resolvePath(from: string, path: string): string {
  const base = path.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const parts = [...base];
  const absolute = from.startsWith('/') && !path.startsWith('/');
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
      else parts.push('..');
    } else parts.push(part);
  }
  let resolved = parts.filter((part, i) => part !== '' || i === 0).join('/');
  if (path.endsWith('/')) resolved = `${resolved}/README.md`;
  return absolute && !resolved.startsWith('/') ? `/${resolved}` : resolved;
}
