/** `--list-rules`: every rule with its default severity, description and documentation URL. */
import { allRules, ruleDocUrl } from '../engine/index.js';

export function listRules(format: 'text' | 'json' | 'sarif'): string {
  const rows = allRules.map((rule) => ({
    id: rule.meta.id,
    severity: rule.meta.defaultSeverity,
    types: rule.meta.types,
    fixable: rule.meta.fixable,
    description: rule.meta.description,
    url: ruleDocUrl(rule.meta.id),
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const lines = rows.map((row) => `${row.id.padEnd(idWidth)}  ${row.severity.padEnd(11)}  ${row.description}\n${' '.repeat(idWidth + 15)}${row.url}`);
  return `${lines.join('\n')}\n`;
}
