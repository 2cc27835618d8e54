/**
 * Turn a VS Code snippet body into plain text.
 *
 * A build and test tool, not shipped: the snippet generator (scripts/generate-snippets.mjs) turns
 * each template into the text a user gets, and the template tests lint that text. Pure ESM, no
 * dependencies, typed by snippet-grammar.d.mts. It implements the snippet grammar VS Code documents
 * (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar):
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
 *   placeholder ::= '${' int ':' any '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any '}' | '${' var transform '}'
 *   transform   ::= '/' regex '/' (format | text)+ '/' options
 *
 * As in VS Code, `\$`, `\}` and `\\` are escapes (plus `\,` and `\|` inside a choice), a `$` that
 * starts no valid construct is literal text, and an unknown variable with no default becomes its
 * own name.
 */

/** The date used when a caller asks for deterministic output (`{ date: FIXED_DATE }`). */
export const FIXED_DATE = '2026-11-21';

/**
 * @typedef {{ type: 'text', value: string }} TextNode
 * @typedef {{ type: 'tabstop', index: number, children: SnippetNode[] | null,
 *   choices: string[] | null, transform: Transform | null }} TabStopNode
 * @typedef {{ type: 'variable', name: string, children: SnippetNode[] | null,
 *   transform: Transform | null }} VariableNode
 * @typedef {TextNode | TabStopNode | VariableNode} SnippetNode
 * @typedef {{ regex: string, format: string, options: string }} Transform
 * @typedef {{ date?: Date | string, variables?: Record<string, string> }} FillOptions
 */

/**
 * Parse a snippet body (a string, or the `body` array of a `.code-snippets` entry) into nodes.
 * @param {string | readonly string[]} body
 * @returns {SnippetNode[]}
 */
export function parseSnippet(body) {
  const source = Array.isArray(body) ? body.join('\n') : /** @type {string} */ (body);
  const parser = new Parser(source);
  return parser.parseAny(false);
}

/**
 * The tab stop numbers used in a body (placeholders, choices, plain and mirrored stops, nested
 * ones included), sorted ascending and without duplicates. `0` (the final cursor) is included when
 * present; callers that want only the stops a user fills in drop it.
 * @param {string | readonly string[]} body
 * @returns {number[]}
 */
export function tabStopsOf(body) {
  const found = new Set();
  walk(parseSnippet(body), (node) => {
    if (node.type === 'tabstop') found.add(node.index);
  });
  return [...found].sort((a, b) => a - b);
}

/**
 * Replace every tab stop of a snippet body with a sample value and resolve its variables, giving
 * the plain text a user would end up with.
 *
 * - `${N:default}`, `${N|a,b|}`, `$N`, `${N}`: `samples[N]` when given (inserted literally, no
 *   snippet parsing), else the placeholder's default (the first choice for a choice; a mirror
 *   `$N` takes the default of the stop's placeholder elsewhere in the body), else ''.
 *   A sample replaces a placeholder together with any placeholders nested in its default.
 * - `$0` / `${0:…}`: `samples[0]` when given, else its default, else ''.
 * - Transforms (`${N/regex/format/flags}`) are applied to the stop's value.
 * - Variables (`$CURRENT_YEAR`, `${CURRENT_YEAR}`, `${TM_FILENAME:default}`, …): the date and time
 *   variables come from `options.date` (a Date or a `YYYY-MM-DD` string, read as local midnight;
 *   default: now — pass `FIXED_DATE` for deterministic output); others from `options.variables`,
 *   else the variable's default, else the variable's name (what VS Code inserts).
 * - `\$`, `\}`, `\\` become `$`, `}`, `\`.
 *
 * @param {string | readonly string[]} body
 * @param {Readonly<Record<string, string>>} [samples]
 * @param {FillOptions} [options]
 * @returns {string}
 */
export function fillWithSamples(body, samples = {}, options = {}) {
  const nodes = parseSnippet(body);
  const now = toDate(options.date);
  const variables = { ...dateVariables(now), ...(options.variables ?? {}) };

  // The default of each tab stop is its first placeholder (or choice) occurrence, as in VS Code.
  /** @type {Map<number, TabStopNode>} */
  const definitions = new Map();
  walk(nodes, (node) => {
    if (node.type === 'tabstop' && (node.children || node.choices) && !definitions.has(node.index)) {
      definitions.set(node.index, node);
    }
  });

  /** @type {Map<number, string>} */
  const resolving = new Map();

  /** @param {number} index */
  const valueOf = (index) => {
    const key = String(index);
    if (Object.prototype.hasOwnProperty.call(samples, key)) return String(samples[key]);
    const cached = resolving.get(index);
    if (cached !== undefined) return cached;
    resolving.set(index, ''); // guards against a placeholder that mirrors itself
    const definition = definitions.get(index);
    let value = '';
    if (definition?.choices) value = definition.choices[0] ?? '';
    else if (definition?.children) value = render(definition.children);
    resolving.set(index, value);
    return value;
  };

  /** @param {SnippetNode[]} list @returns {string} */
  const render = (list) => list.map((node) => {
    switch (node.type) {
      case 'text':
        return node.value;
      case 'tabstop': {
        const value = valueOf(node.index);
        return node.transform ? applyTransform(value, node.transform) : value;
      }
      case 'variable': {
        let value;
        if (Object.prototype.hasOwnProperty.call(variables, node.name)) value = variables[node.name];
        else if (node.children) value = render(node.children);
        else value = node.name;
        return node.transform ? applyTransform(value, node.transform) : value;
      }
    }
  }).join('');

  return render(nodes);
}

// ---------------------------------------------------------------------------------------------
// Parser

const DIGIT = /[0-9]/;
const VAR_START = /[_a-zA-Z]/;
const VAR_PART = /[_a-zA-Z0-9]/;

class Parser {
  /** @param {string} source */
  constructor(source) {
    this.source = source;
    this.pos = 0;
  }

  /**
   * Parse `any*` until the end, or (inside a placeholder) until an unescaped `}`, which is left
   * for the caller to consume.
   * @param {boolean} inPlaceholder
   * @returns {SnippetNode[]}
   */
  parseAny(inPlaceholder) {
    /** @type {SnippetNode[]} */
    const nodes = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      if (ch === '\\') {
        const next = this.source[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === '}' && inPlaceholder) break;
      if (ch === '$') {
        const start = this.pos;
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          this.pos = start + 1;
          text += '$';
        }
        continue;
      }
      text += ch;
      this.pos += 1;
    }
    flush();
    return nodes;
  }

  /** @returns {SnippetNode | null} a construct starting at `$`, or null (caller backtracks). */
  parseDollar() {
    const s = this.source;
    this.pos += 1; // '$'
    const ch = s[this.pos];
    if (ch !== undefined && DIGIT.test(ch)) {
      return { type: 'tabstop', index: this.readInt(), children: null, choices: null, transform: null };
    }
    if (ch !== undefined && VAR_START.test(ch)) {
      return { type: 'variable', name: this.readName(), children: null, transform: null };
    }
    if (ch !== '{') return null;
    this.pos += 1;
    const first = s[this.pos];
    if (first !== undefined && DIGIT.test(first)) {
      const index = this.readInt();
      const after = s[this.pos];
      if (after === '}') {
        this.pos += 1;
        return { type: 'tabstop', index, children: null, choices: null, transform: null };
      }
      if (after === ':') {
        this.pos += 1;
        const children = this.parseAny(true);
        if (s[this.pos] !== '}') return null;
        this.pos += 1;
        return { type: 'tabstop', index, children, choices: null, transform: null };
      }
      if (after === '|') {
        this.pos += 1;
        const choices = this.parseChoices();
        if (!choices) return null;
        return { type: 'tabstop', index, children: null, choices, transform: null };
      }
      if (after === '/') {
        const transform = this.parseTransform();
        if (!transform) return null;
        return { type: 'tabstop', index, children: null, choices: null, transform };
      }
      return null;
    }
    if (first !== undefined && VAR_START.test(first)) {
      const name = this.readName();
      const after = s[this.pos];
      if (after === '}') {
        this.pos += 1;
        return { type: 'variable', name, children: null, transform: null };
      }
      if (after === ':') {
        this.pos += 1;
        const children = this.parseAny(true);
        if (s[this.pos] !== '}') return null;
        this.pos += 1;
        return { type: 'variable', name, children, transform: null };
      }
      if (after === '/') {
        const transform = this.parseTransform();
        if (!transform) return null;
        return { type: 'variable', name, children: null, transform };
      }
    }
    return null;
  }

  readInt() {
    let digits = '';
    while (this.pos < this.source.length && DIGIT.test(this.source[this.pos] ?? '')) digits += this.source[this.pos++];
    return Number(digits);
  }

  readName() {
    let name = '';
    while (this.pos < this.source.length && VAR_PART.test(this.source[this.pos] ?? '')) name += this.source[this.pos++];
    return name;
  }

  /** After `${N|`: `text (',' text)* '|}'`, with `\,` `\|` `\$` `\}` `\\` escapes. */
  parseChoices() {
    const s = this.source;
    /** @type {string[]} */
    const choices = [];
    let current = '';
    while (this.pos < s.length) {
      const ch = s[this.pos];
      if (ch === '\\' && this.pos + 1 < s.length && ',|$}\\'.includes(s[this.pos + 1] ?? '')) {
        current += s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === ',') {
        choices.push(current);
        current = '';
        this.pos += 1;
        continue;
      }
      if (ch === '|') {
        if (s[this.pos + 1] !== '}') return null;
        choices.push(current);
        this.pos += 2;
        return choices;
      }
      current += ch;
      this.pos += 1;
    }
    return null;
  }

  /** At `/`: `'/' regex '/' format '/' options '}'`. */
  parseTransform() {
    const s = this.source;
    this.pos += 1; // '/'
    const regex = this.readUntil('/');
    if (regex === null) return null;
    const format = this.readFormat();
    if (format === null) return null;
    let options = '';
    while (this.pos < s.length && s[this.pos] !== '}') options += s[this.pos++];
    if (s[this.pos] !== '}') return null;
    this.pos += 1;
    return { regex, format, options };
  }

  /** The format of a transform, up to its closing `/` (consumed); `${…}` groups may contain `/`. */
  readFormat() {
    const s = this.source;
    let out = '';
    while (this.pos < s.length) {
      const ch = s[this.pos];
      if (ch === '\\' && this.pos + 1 < s.length) {
        out += ch + s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === '$' && s[this.pos + 1] === '{') {
        const close = s.indexOf('}', this.pos);
        if (close < 0) return null;
        out += s.slice(this.pos, close + 1);
        this.pos = close + 1;
        continue;
      }
      if (ch === '/') {
        this.pos += 1;
        return out;
      }
      out += ch;
      this.pos += 1;
    }
    return null;
  }

  /**
   * Read raw text up to an unescaped `stop` (consumed). `\/` becomes `/`; other escapes are kept
   * as written (they mean something to the regex or to the format).
   * @param {string} stop
   */
  readUntil(stop) {
    const s = this.source;
    let out = '';
    while (this.pos < s.length) {
      const ch = s[this.pos];
      if (ch === '\\' && this.pos + 1 < s.length) {
        const next = s[this.pos + 1];
        out += next === stop ? next : ch + next;
        this.pos += 2;
        continue;
      }
      if (ch === stop) {
        this.pos += 1;
        return out;
      }
      out += ch;
      this.pos += 1;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Transforms

/**
 * @param {string} value
 * @param {Transform} transform
 */
function applyTransform(value, transform) {
  let regex;
  try {
    regex = new RegExp(transform.regex, transform.options.replace(/[^gimsuy]/g, ''));
  } catch {
    return value;
  }
  // The number of capture groups: a regex that also matches '' reports them all on ''.
  const groupCount = (new RegExp(`${regex.source}|`, regex.flags.replace('g', '')).exec('') ?? ['']).length - 1;
  return value.replace(regex, (...args) =>
    formatReplacement(transform.format, args.slice(0, groupCount + 1).map((g) => (g === undefined ? '' : String(g)))));
}

/**
 * The format part of a transform: `$n`, `${n}`, `${n:/upcase|downcase|capitalize|camelcase|pascalcase}`,
 * `${n:+if}`, `${n:?if:else}`, `${n:-else}`, `${n:else}`; `\n`, `\t`, `\$`, `\\` escapes.
 * @param {string} format
 * @param {string[]} groups groups[0] is the whole match
 */
function formatReplacement(format, groups) {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '\\' && i + 1 < format.length) {
      const next = format[i + 1];
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
      continue;
    }
    if (ch === '$') {
      const simple = /^\$(\d+)/.exec(format.slice(i));
      if (simple) {
        out += groups[Number(simple[1])] ?? '';
        i += simple[0].length;
        continue;
      }
      const complex = /^\$\{(\d+)(?::([/+?-]?)((?:\\.|[^}\\])*))?\}/.exec(format.slice(i));
      if (complex) {
        const group = groups[Number(complex[1])] ?? '';
        const kind = complex[2] ?? '';
        const arg = (complex[3] ?? '').replace(/\\(.)/g, '$1');
        if (complex[3] === undefined) out += group;
        else if (kind === '/') out += caseTransform(group, arg);
        else if (kind === '+') out += group ? arg : '';
        else if (kind === '?') {
          const colon = arg.indexOf(':');
          const ifText = colon < 0 ? arg : arg.slice(0, colon);
          const elseText = colon < 0 ? '' : arg.slice(colon + 1);
          out += group ? ifText : elseText;
        } else out += group || arg; // '-' or no sign: else-text
        i += complex[0].length;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** @param {string} value @param {string} kind */
function caseTransform(value, kind) {
  switch (kind) {
    case 'upcase': return value.toUpperCase();
    case 'downcase': return value.toLowerCase();
    case 'capitalize': return value.charAt(0).toUpperCase() + value.slice(1);
    case 'camelcase':
    case 'pascalcase': {
      const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
      const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
      return kind === 'camelcase' ? joined.charAt(0).toLowerCase() + joined.slice(1) : joined;
    }
    default: return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Variables

/** @param {Date | string | undefined} date */
function toDate(date) {
  if (date === undefined) return new Date();
  if (date instanceof Date) return date;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (iso) return new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const parsed = new Date(date);
  if (Number.isNaN(parsed.getTime())) throw new TypeError(`fillWithSamples: invalid date ${JSON.stringify(date)}`);
  return parsed;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** @param {number} n @param {number} width */
const pad = (n, width = 2) => String(n).padStart(width, '0');

/** The date and time variables VS Code resolves, for one moment (local time). @param {Date} d */
export function dateVariables(d) {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return {
    CURRENT_YEAR: String(d.getFullYear()),
    CURRENT_YEAR_SHORT: String(d.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(d.getMonth() + 1),
    CURRENT_MONTH_NAME: MONTHS[d.getMonth()] ?? '',
    CURRENT_MONTH_NAME_SHORT: (MONTHS[d.getMonth()] ?? '').slice(0, 3),
    CURRENT_DATE: pad(d.getDate()),
    CURRENT_DAY_NAME: DAYS[d.getDay()] ?? '',
    CURRENT_DAY_NAME_SHORT: (DAYS[d.getDay()] ?? '').slice(0, 3),
    CURRENT_HOUR: pad(d.getHours()),
    CURRENT_MINUTE: pad(d.getMinutes()),
    CURRENT_SECOND: pad(d.getSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(d.getTime() / 1000)),
    CURRENT_TIMEZONE_OFFSET: `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * @param {SnippetNode[]} nodes
 * @param {(node: SnippetNode) => void} visit
 */
function walk(nodes, visit) {
  for (const node of nodes) {
    visit(node);
    if ((node.type === 'tabstop' || node.type === 'variable') && node.children) walk(node.children, visit);
  }
}
