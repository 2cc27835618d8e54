/**
 * How config values are read and described, for every part of the config (rules, settings,
 * custom rules): a severity as users write it, and what kind of value was found.
 */
import type { SeveritySetting } from '../types.js';

const SEVERITY_ALIASES: Record<string, SeveritySetting> = {
  error: 'error', warning: 'warning', warn: 'warning', information: 'information', info: 'information',
  hint: 'hint', off: 'off', none: 'off',
};

export function parseSeverity(value: unknown): SeveritySetting | null {
  if (value === false) return 'off';
  if (typeof value !== 'string') return null;
  const name = value.trim().toLowerCase();
  // Own keys only: "constructor" or "toString" are not severities.
  return Object.hasOwn(SEVERITY_ALIASES, name) ? SEVERITY_ALIASES[name] : null;
}

/**
 * What kind of value was found, never the value itself: a config file can be made to read
 * another file (`extends`), and a message must not print what that file holds.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'true or false';
  return `a${typeof value === 'undefined' ? 'n' : ''} ${typeof value}`;
}
