// The bench's picture: a hand-written SVG bar chart of the table (no dependencies). Three panels:
// CLI cold start of ours vs the peers on the memo, the engine vs the remark-parse floor, and each
// target as measured ÷ target.
import { formatMs } from './common.mjs';

const WIDTH = 840;
const LABEL_W = 250;
const BAR_W = 390;
const ROW_H = 26;
const BAR_H = 16;
const COLORS = { ours: '#2563eb', peer: '#9ca3af', floor: '#9ca3af', met: '#16a34a', missed: '#dc2626', grid: '#e5e7eb', text: '#111827', muted: '#6b7280' };

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');


function text(x, y, content, { anchor = 'start', size = 12, weight = 'normal', fill = COLORS.text } = {}) {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escape(content)}</text>`;
}

function rect(x, y, width, height, fill) {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, width).toFixed(1)}" height="${height}" rx="2" fill="${fill}"/>`;
}

/** x position (0..BAR_W) of a value: linear, or log10 over whole decades when values span more than 20×. */
function scale(values) {
  const max = Math.max(...values);
  const min = Math.min(...values);
  if (max / min <= 20) return { log: false, x: (v) => (v / max) * BAR_W, ticks: [] };
  let lo = Math.floor(Math.log10(min));
  if (min / 10 ** lo < 1.5) lo -= 1; // keep the shortest bar visible
  const hi = Math.ceil(Math.log10(max));
  const x = (v) => ((Math.log10(v) - lo) / (hi - lo)) * BAR_W;
  const ticks = [];
  for (let power = lo; power <= hi; power++) ticks.push(10 ** power);
  return { log: true, x, ticks };
}

/** Axis labels: 10 ms, 100 ms, 1 s, 10 s. */
const tickMs = (ms) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** One panel of horizontal bars: rows = [{ label, value, color, note }] (value null: note only). */
function barPanel(y, title, rows, { format, tickFormat = format, subtitle } = {}) {
  const parts = [text(16, y + 16, title, { size: 14, weight: 'bold' })];
  if (subtitle) parts.push(text(16, y + 32, subtitle, { size: 11, fill: COLORS.muted }));
  const top = y + (subtitle ? 44 : 28);
  const timed = rows.filter((row) => row.value !== null && row.value > 0);
  const s = timed.length ? scale(timed.map((row) => row.value)) : null;
  for (const tick of s?.ticks ?? []) {
    const x = LABEL_W + s.x(tick);
    parts.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${top - 4}" y2="${top + rows.length * ROW_H}" stroke="${COLORS.grid}"/>`);
    parts.push(text(x, top + rows.length * ROW_H + 12, tickFormat(tick), { anchor: 'middle', size: 10, fill: COLORS.muted }));
  }
  rows.forEach((row, index) => {
    const rowY = top + index * ROW_H;
    parts.push(text(LABEL_W - 8, rowY + BAR_H - 3, row.label, { anchor: 'end', weight: row.bold ? 'bold' : 'normal' }));
    if (row.value === null || !s) {
      parts.push(text(LABEL_W, rowY + BAR_H - 3, row.note ?? 'n/a', { fill: COLORS.missed }));
      return;
    }
    const width = s.x(row.value);
    parts.push(rect(LABEL_W, rowY, width, BAR_H, row.color));
    parts.push(text(LABEL_W + width + 6, rowY + BAR_H - 3, `${format(row.value)}${row.note ? `  ·  ${row.note}` : ''}`, { size: 11 }));
  });
  const height = (top - y) + rows.length * ROW_H + (s?.ticks.length ? 22 : 8);
  return { svg: parts.join('\n'), height, log: s?.log ?? false };
}

function cliPanel(y, { cli, peers }) {
  const rows = [];
  const ours = cli && !cli.error && cli.memo && !cli.memo.error ? cli.memo.median : null;
  rows.push({ label: 'strategy-lint (ours)', value: ours, color: COLORS.ours, bold: true, note: ours === null ? `failed: ${cli?.error ?? cli?.memo?.error}`.slice(0, 70) : '' });
  for (const peer of peers ?? []) {
    const result = peer.documents?.memo;
    const value = !peer.error && result && !result.error ? result.median : null;
    rows.push({
      label: peer.name,
      value,
      color: COLORS.peer,
      note: value === null ? `failed: ${peer.error ?? result?.error ?? 'not run'}`.slice(0, 70) : ours ? `${(value / ours).toFixed(1)}× ours` : '',
    });
  }
  const title = 'CLI cold start on the memo (median wall time)';
  const panel = barPanel(y, title, rows, { format: formatMs, tickFormat: tickMs });
  if (!panel.log) return panel;
  return barPanel(y, title, rows, { format: formatMs, tickFormat: tickMs, subtitle: 'log scale: each grid line is 10× the one before' });
}

function enginePanel(y, { engine }) {
  const parts = [text(16, y + 16, 'Engine: full lint vs the remark-parse floor (median)', { size: 14, weight: 'bold' }),
    text(16, y + 32, 'bars scaled per document', { size: 11, fill: COLORS.muted })];
  let rowY = y + 44;
  for (const [key, label] of [['memo', 'memo'], ['handbook', 'handbook']]) {
    const result = engine && !engine.error ? engine[key] : null;
    if (!result) {
      parts.push(text(LABEL_W - 8, rowY + BAR_H - 3, label, { anchor: 'end', weight: 'bold' }));
      parts.push(text(LABEL_W, rowY + BAR_H - 3, `failed: ${engine?.error ?? 'not run'}`.slice(0, 80), { fill: COLORS.missed }));
      rowY += ROW_H + 6;
      continue;
    }
    const max = Math.max(result.floor.median, result.lint.median);
    for (const [name, value, color] of [[`${label}: remark-parse floor`, result.floor.median, COLORS.floor], [`${label}: full lint`, result.lint.median, COLORS.ours]]) {
      const width = (value / max) * BAR_W;
      parts.push(text(LABEL_W - 8, rowY + BAR_H - 3, name, { anchor: 'end' }));
      parts.push(rect(LABEL_W, rowY, width, BAR_H, color));
      const suffix = color === COLORS.ours ? `  (${result.ratio.toFixed(1)}× the floor)` : '';
      parts.push(text(LABEL_W + width + 6, rowY + BAR_H - 3, `${formatMs(value)}${suffix}`, { size: 11 }));
      rowY += ROW_H;
    }
    rowY += 6;
  }
  return { svg: parts.join('\n'), height: rowY - y + 4 };
}

function targetsPanel(y, checks) {
  const CAP = 4;
  const parts = [text(16, y + 16, 'Targets: measured ÷ target (1 or less is met)', { size: 14, weight: 'bold' })];
  const top = y + 30;
  const axisMax = Math.min(CAP, Math.max(2, ...checks.map((check) => check.ratio)));
  const x = (v) => LABEL_W + (Math.min(v, axisMax) / axisMax) * BAR_W;
  const bottom = top + Math.max(1, checks.length) * ROW_H;
  parts.push(`<line x1="${x(1).toFixed(1)}" x2="${x(1).toFixed(1)}" y1="${top - 6}" y2="${bottom}" stroke="${COLORS.text}" stroke-dasharray="4 3"/>`);
  parts.push(text(x(1), bottom + 12, 'target', { anchor: 'middle', size: 10, fill: COLORS.muted }));
  if (checks.length === 0) parts.push(text(LABEL_W, top + BAR_H - 3, 'no figure with a target was measured', { fill: COLORS.missed }));
  checks.forEach((check, index) => {
    const rowY = top + index * ROW_H;
    const width = x(check.ratio) - LABEL_W;
    const clipped = check.ratio > axisMax;
    parts.push(text(LABEL_W - 8, rowY + BAR_H - 3, check.label, { anchor: 'end' }));
    parts.push(rect(LABEL_W, rowY, width, BAR_H, check.met ? COLORS.met : COLORS.missed));
    parts.push(text(LABEL_W + width + 6, rowY + BAR_H - 3, `${clipped ? '» ' : ''}${check.ratio.toFixed(check.ratio >= 10 ? 0 : 2)}×  (${check.text})`, { size: 11 }));
  });
  return { svg: parts.join('\n'), height: bottom - y + 20 };
}

export function renderChart(results, checks, machine) {
  const panels = [];
  let y = 40;
  for (const build of [(at) => cliPanel(at, results), (at) => enginePanel(at, results), (at) => targetsPanel(at, checks)]) {
    const panel = build(y);
    panels.push(panel.svg);
    y += panel.height + 16;
  }
  const height = Math.ceil(y + 10);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="#ffffff"/>
${text(16, 24, 'Strategy Lint — npm run bench', { size: 16, weight: 'bold' })}
${text(WIDTH - 16, 24, machine.summary, { anchor: 'end', size: 10, fill: COLORS.muted })}
${panels.join('\n')}
</svg>
`;
}
