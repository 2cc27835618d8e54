/**
 * Runs the integration suite (client/src/test/suite) in a real VS Code through
 * @vscode/test-electron: `npm run test:integration`.
 *
 * VS Code is downloaded on first use. Where that is impossible (no network, as on the project's
 * build machines) the run is skipped with a one-line reason and exit code 0, so it never fails
 * `npm test`. Set STRATEGY_LINT_VSCODE to the path of a VS Code executable to use that instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const DOWNLOAD_TIMEOUT_MS = 60_000;

async function vscodeExecutable(): Promise<string | { skip: string }> {
  const local = process.env.STRATEGY_LINT_VSCODE;
  if (local) return fs.existsSync(local) ? local : { skip: `STRATEGY_LINT_VSCODE=${local} does not exist` };
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS);
    });
    try {
      return await Promise.race([downloadAndUnzipVSCode({ version: 'stable', timeout: DOWNLOAD_TIMEOUT_MS, reporter: { report: () => undefined, error: () => undefined } }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { skip: `cannot download VS Code (${reason})` };
  }
}

async function main(): Promise<void> {
  const executable = await vscodeExecutable();
  if (typeof executable !== 'string') {
    console.log(`Skipping the VS Code integration tests: ${executable.skip}.`);
    return;
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-integration-'));
  fs.cpSync(path.join(repoRoot, 'client', 'test-fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
