/**
 * Replays every counterexample the fuzzer found (test/fixtures/fuzz-regressions/: the input as
 * .md — or .json when it holds lone surrogates — and the options it failed under), with all the
 * fuzz invariants: as saved, forced to each document type, and with CRLF and CR line ends.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCase, DOC_TYPES_FOR_REPLAY, loadRegressions, withEol } from './fuzz-support.js';

const regressions = loadRegressions();

describe('fuzz regressions', () => {
  test('the fixtures are there', () => {
    assert.ok(regressions.length >= 5, `only ${regressions.length} regression fixtures found`);
  });
  for (const regression of regressions) {
    test(regression.name, () => {
      assert.deepEqual(checkCase({ text: regression.text, options: regression.options }), []);
      for (const type of DOC_TYPES_FOR_REPLAY) {
        const options = { ...regression.options, type };
        assert.deepEqual(checkCase({ text: regression.text, options }, { fixes: false }), [], `as ${type ?? 'detected type'}`);
      }
      for (const eol of ['\r\n', '\r'] as const) {
        if (regression.text.includes(eol)) continue;
        assert.deepEqual(checkCase({ text: withEol(regression.text, eol), options: regression.options }), [], `with ${JSON.stringify(eol)} line ends`);
      }
    });
  }
});
