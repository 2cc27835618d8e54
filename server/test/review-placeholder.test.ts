/**
 * The review panel's placeholder page (client/src/placeholder-html.ts, compiled to client/dist)
 * shows an error message as text: markup in it is escaped, never run (issue 15, item 11).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';

const require = createRequire(import.meta.url);
const { placeholderHtml } = require(path.join(repoRoot, 'client', 'dist', 'placeholder-html.js')) as { placeholderHtml(message: string, nonce: string): string };

test('item 11: the review placeholder escapes the message it shows', () => {
  const message = 'The review failed: <img src=x onerror="alert(1)"> & <script>alert(2)</script>. See "Strategy Lint: Show output".';
  const html = placeholderHtml(message, 'bm9uY2U=');
  const body = /<body><p>(.*)<\/p><\/body>/s.exec(html)?.[1];
  assert.equal(body, 'The review failed: &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;. See &quot;Strategy Lint: Show output&quot;.');
  assert.ok(!html.includes('<script>') && !html.includes('<img'));
  assert.match(html, /style-src 'nonce-bm9uY2U=';/);
});
