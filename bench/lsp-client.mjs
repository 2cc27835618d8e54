// A minimal LSP client of a child process: JSON-RPC 2.0 messages over Node's IPC channel (how
// vscode-languageclient talks to a server it forks with TransportKind.ipc, as the VS Code client
// does), or over stdio framed with `Content-Length` headers, as the Language Server Protocol's
// base protocol specifies. No dependencies, so the bench measures the server and nothing of a
// client library.
export class LspClient {
  #child;
  #ipc;
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  #pending = new Map();
  #notificationHandlers = new Map();
  #requestHandlers = new Map();

  /** `ipc`: the child was forked with an IPC channel (messages are objects, no framing). */
  constructor(child, { ipc = false } = {}) {
    this.#child = child;
    this.#ipc = ipc;
    if (ipc) child.on('message', (message) => this.#dispatch(message));
    else child.stdout.on('data', (chunk) => this.#receive(chunk));
  }

  /** Send a request; resolves with its result, rejects with its error. */
  request(method, params) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /** Handle a notification from the server (one handler per method). */
  onNotification(method, handler) {
    this.#notificationHandlers.set(method, handler);
  }

  /** Answer a request from the server; requests without a handler are answered with null. */
  onRequest(method, handler) {
    this.#requestHandlers.set(method, handler);
  }

  #send(message) {
    if (this.#ipc) {
      if (this.#child.connected) this.#child.send(message);
      return;
    }
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  #receive(chunk) {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`LSP message without Content-Length: ${header}`);
      const length = Number(match[1]);
      const bodyStart = headerEnd + 4;
      if (this.#buffer.length < bodyStart + length) return;
      const body = this.#buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(bodyStart + length);
      this.#dispatch(JSON.parse(body));
    }
  }

  #dispatch(message) {
    if ('id' in message && !('method' in message)) {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (!pending) return;
      if (message.error) pending.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending.resolve(message.result);
    } else if ('id' in message) {
      const handler = this.#requestHandlers.get(message.method);
      Promise.resolve(handler ? handler(message.params) : null).then(
        (result) => this.#send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
        (error) => this.#send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } }),
      );
    } else {
      this.#notificationHandlers.get(message.method)?.(message.params);
    }
  }
}
