/**
 * Rule documentation that opens offline: the `docs/rules/<id>.md` pages ship in the extension,
 * and every rule link a user clicks in VS Code — the hover's "docs", the "Open documentation" code
 * action, the review's rule links — opens the rule's page in the Markdown preview beside the
 * editor. A page that is not bundled (a rule id the extension does not know) falls back to the web
 * address the server gave (`strategyLint.docsUrl`, where the published pages live).
 *
 * The server writes the hover's link as a web address (other editors open it); the hover
 * middleware turns it into a link to the openRuleDocumentation command, in a MarkdownString that
 * trusts that one command only.
 */
import * as vscode from 'vscode';
import { Commands } from './protocol';

const RULE_ID = /^[a-z]+(?:-[a-z]+)*\/[a-z]+(?:-[a-z]+)*$/;

/** The bundled page of a rule, or undefined for what is not a rule id (never a path out of docs/rules). */
export function bundledRuleDoc(extensionUri: vscode.Uri, ruleId: unknown): vscode.Uri | undefined {
  if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return undefined;
  const [family, name] = ruleId.split('/');
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', family, `${name}.md`);
}

/** Open a rule's page: the bundled one in the Markdown preview, else the web page. True when something opened. */
export async function openRuleDocumentation(extensionUri: vscode.Uri, ruleId: unknown, url: unknown): Promise<boolean> {
  const page = bundledRuleDoc(extensionUri, ruleId);
  if (page) {
    try {
      await vscode.workspace.fs.stat(page);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
      return true;
    } catch {
      // Not bundled: the web page below.
    }
  }
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return false;
  return vscode.env.openExternal(vscode.Uri.parse(url));
}

/** "· `kernel/order` · [docs](https://…)", as hover.ts writes the first line of each rule's part. */
const DOCS_LINK = /`([a-z-]+\/[a-z-]+)` · \[docs\]\(([^)\s]+)\)/g;

/** The hover with each rule's docs link made a command link to its bundled page. */
export function withBundledDocLinks(hover: vscode.Hover | null | undefined): vscode.Hover | null | undefined {
  if (!hover) return hover;
  let changed = false;
  const contents = hover.contents.map((content) => {
    const value = typeof content === 'string' ? content : content instanceof vscode.MarkdownString ? content.value : null;
    if (value === null) return content;
    const linked = value.replace(DOCS_LINK, (_, ruleId: string, url: string) => {
      const args = encodeURIComponent(JSON.stringify([ruleId, url]));
      return `\`${ruleId}\` · [docs](command:${Commands.openRuleDocumentation}?${args} "Open the rule's page")`;
    });
    if (linked === value) return content;
    changed = true;
    const markdown = new vscode.MarkdownString(linked);
    markdown.isTrusted = { enabledCommands: [Commands.openRuleDocumentation] };
    return markdown;
  });
  return changed ? new vscode.Hover(contents, hover.range) : hover;
}
