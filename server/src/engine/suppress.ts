/**
 * Inline suppression with HTML comments, which render as nothing:
 *   <!-- strategy-lint-disable rule-id other-id -->   (until enabled again; no ids = every rule)
 *   <!-- strategy-lint-enable rule-id -->
 *   <!-- strategy-lint-disable-next-line rule-id -->
 *   <!-- strategy-lint-disable-line rule-id -->
 * Ids may be families ("prose/*").
 */
import type { Html, Nodes, Parents, Root } from 'mdast';
import type { LineIndex } from './model/line-index.js';

const DIRECTIVE = /<!--\s*strategy-lint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

interface LineRange { from: number; to: number; rules: string[] | null }

interface SuppressionDirective {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  rules: string[] | null;
  start: number;
  end: number;
}

function matchesRule(rules: string[] | null, ruleId: string): boolean {
  if (rules === null) return true;
  return rules.some((rule) => rule === ruleId || (rule.endsWith('/*') && ruleId.startsWith(rule.slice(0, -1))));
}

export function findDirectives(root: Root): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      const html = node as Html;
      const base = html.position?.start.offset ?? 0;
      DIRECTIVE.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = DIRECTIVE.exec(html.value)) !== null) {
        const ids = match[2].split(/[\s,]+/).map((id) => id.trim()).filter(Boolean);
        directives.push({
          kind: match[1] as SuppressionDirective['kind'],
          rules: ids.length > 0 ? ids : null,
          start: base + match.index,
          end: base + match.index + match[0].length,
        });
      }
    } else if ('children' in node) {
      for (const child of (node as Parents).children as Nodes[]) visit(child);
    }
  };
  visit(root);
  return directives;
}

export class Suppressions {
  private readonly ranges: LineRange[] = [];

  constructor(directives: readonly SuppressionDirective[], lines: LineIndex) {
    const open: Array<{ from: number; rules: string[] | null }> = [];
    for (const directive of directives) {
      const line = lines.positionAt(directive.start).line;
      const endLine = lines.positionAt(directive.end).line;
      switch (directive.kind) {
        case 'disable-next-line':
          this.ranges.push({ from: endLine + 1, to: endLine + 1, rules: directive.rules });
          break;
        case 'disable-line':
          this.ranges.push({ from: line, to: endLine, rules: directive.rules });
          break;
        case 'disable':
          open.push({ from: line, rules: directive.rules });
          break;
        case 'enable':
          for (let i = open.length - 1; i >= 0; i--) {
            const entry = open[i];
            const closes = directive.rules === null || entry.rules === null
              ? directive.rules === null
              : entry.rules.every((rule) => directive.rules!.includes(rule));
            if (closes) {
              this.ranges.push({ from: entry.from, to: line, rules: entry.rules });
              open.splice(i, 1);
            } else if (entry.rules && directive.rules) {
              // Enabling some of the rules of a wider disable: split the range.
              const remaining = entry.rules.filter((rule) => !directive.rules!.includes(rule));
              if (remaining.length < entry.rules.length) {
                this.ranges.push({ from: entry.from, to: line, rules: entry.rules.filter((rule) => directive.rules!.includes(rule)) });
                entry.rules = remaining;
              }
            }
          }
          break;
      }
    }
    for (const entry of open) this.ranges.push({ from: entry.from, to: Number.POSITIVE_INFINITY, rules: entry.rules });
  }

  /** Is a finding of `ruleId` on 0-based `line` suppressed? */
  isSuppressed(ruleId: string, line: number): boolean {
    return this.ranges.some((range) => line >= range.from && line <= range.to && matchesRule(range.rules, ruleId));
  }
}

export { matchesRule };
