/** The columns of a key-result table, read from its header cells. */
import { EMPTY_CELL } from './items.js';
import { type TextBlock } from './text-block.js';

export interface Columns {
  statement: number;
  objective: number;
  metric: number;
  baseline: number;
  target: number;
  date: number;
  owner: number;
}

/** Columns of a key-result table from its header cells; the statement is the first unclaimed column. */
export function columnsOf(header: readonly string[]): Columns {
  const found: Partial<Columns> = {};
  const claimed = new Set<number>();
  const claim = (key: keyof Columns, test: RegExp): void => {
    if (found[key] !== undefined) return;
    const index = header.findIndex((h, i) => !claimed.has(i) && test.test(h));
    if (index >= 0) {
      found[key] = index;
      claimed.add(index);
    }
  };
  claim('date', /\b(?:date|due|deadline|when|by|eta|timeline|timeframe|quarter|half|period)\b/i);
  claim('baseline', /\b(?:baseline|current|currently|today|now|start(?:ing)?|from|before|was)\b/i);
  claim('target', /\b(?:target|to|end|after|goal\s+value)\b/i);
  claim('owner', /\b(?:owner|owners|dri|who|lead|responsible|accountable)\b/i);
  claim('statement', /\b(?:key\s+results?|kr|krs)\b/i);
  claim('statement', /\b(?:results?|outcomes?|success|measures?)\b/i);
  claim('objective', /^\W*(?:objectives?|goals?)\W*$/i);
  claim('metric', /\b(?:metric|metrics|kpi|kpis|indicator|measure|measures)\b/i);
  if (found.statement === undefined) {
    const index = found.metric ?? header.findIndex((_, i) => !claimed.has(i));
    if (index >= 0) found.statement = index;
  }
  return {
    statement: found.statement ?? 0, objective: found.objective ?? -1, metric: found.metric ?? -1, baseline: found.baseline ?? -1,
    target: found.target ?? -1, date: found.date ?? -1, owner: found.owner ?? -1,
  };
}

/** Columns that track a key result rather than define it: progress, score, status, notes, links ("60%", "0.7", "On track"). */
export const PROGRESS_COLUMN = /^[^\p{L}]*(?:progress|score|scoring|grade|status|state|health|rag|confidence|completion|%\s*(?:complete|done)|percent\s+complete|done|notes?|comments?|links?|issues?|tracking(?:\s+issue)?|updates?|remarks)[^\p{L}]*$/iu;

export function cellText(cells: readonly TextBlock[] | undefined, index: number): string | null {
  if (!cells || index < 0 || index >= cells.length) return null;
  const text = cells[index].text.replace(/\s+/g, ' ').trim();
  return EMPTY_CELL.test(text) ? null : text;
}
