/** The review panel's page while there is no report to show: one line of text, under the same CSP. */
export function placeholderHtml(message: string, nonce: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';"><style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-descriptionForeground);padding:1em}</style></head><body><p>${escapeHtml(message)}</p></body></html>`;
}

/** The message is text, and may hold an error from anywhere (a server message, a file name): never markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** A nonce for a webview's CSP: Web Crypto, which both the desktop's Node and the browser have. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
