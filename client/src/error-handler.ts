/**
 * What the client does when the language server crashes: restart it (up to MAX_RESTARTS times in
 * RESTART_WINDOW_MS), tell the user once per session that it happened, and after too many crashes
 * stop with an error that offers "Restart server" and "Show output".
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient';
import { Commands } from './protocol';

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export const RESTARTED_MESSAGE = "Strategy Lint's server stopped unexpectedly and was restarted. Details are in the output.";
export const GAVE_UP_MESSAGE = `Strategy Lint's server stopped unexpectedly ${MAX_RESTARTS + 1} times in 3 minutes and was not restarted. Details are in the output.`;

export class RestartingErrorHandler implements ErrorHandler {
  /** When the server closed, within the window. */
  private readonly crashes: number[] = [];
  private toldUser = false;

  constructor(private readonly output: vscode.LogOutputChannel, private readonly now: () => number = Date.now) {}

  /** A restart the user asked for starts with a clean slate: earlier crashes no longer count. */
  forgetCrashes(): void {
    this.crashes.length = 0;
  }

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.error(`Connection to the server is erroring: ${error.message}`);
    // As vscode-languageclient's default: a few write/read errors are tolerated.
    return count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      this.output.error(GAVE_UP_MESSAGE);
      void vscode.window.showErrorMessage(GAVE_UP_MESSAGE, 'Restart server', 'Show output').then((choice) => {
        if (choice === 'Restart server') {
          void vscode.commands.executeCommand(Commands.restartServer); // which calls forgetCrashes()
        } else if (choice === 'Show output') {
          void vscode.commands.executeCommand(Commands.showOutput);
        }
      });
      return { action: CloseAction.DoNotRestart, message: GAVE_UP_MESSAGE, handled: true };
    }
    this.output.warn(`The server stopped unexpectedly; restarting it (${this.crashes.length} of ${MAX_RESTARTS} restarts allowed in 3 minutes).`);
    if (!this.toldUser) {
      this.toldUser = true;
      void vscode.window.showWarningMessage(RESTARTED_MESSAGE, 'Show output').then((choice) => {
        if (choice === 'Show output') void vscode.commands.executeCommand(Commands.showOutput);
      });
    }
    return { action: CloseAction.Restart, message: 'Strategy Lint: restarting the server.', handled: true };
  }
}
