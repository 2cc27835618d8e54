/**
 * Where editor settings enter the server. One path, as in vscode-eslint: the schema in
 * package.json (`contributes.configuration`, section `strategyLint`) → `StrategyLintSettings`
 * below → pulled per document with `workspace/configuration` and cached per document → turned
 * into the lowest-precedence config layer (config files and front matter override it).
 */
import type { Connection } from 'vscode-languageserver';
import { DOCS_BASE_URL, validateConfig, type ConfigLayer, type ConfigProblem } from '../engine/index.js';

export type RunMode = 'onType' | 'onSave';

export interface StrategyLintSettings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  /** Rule id (or family "prose/*") → severity, or { severity, options }: the config file's `rules`. */
  rules: Record<string, unknown>;
  /** Glob (relative to the workspace folder) → document type. */
  types: Record<string, unknown>;
  /** Section role → heading synonyms (a list replaces, { add, remove } extends). */
  sections: Record<string, unknown>;
  /** Rule name → custom rule ({ kind, … }): the config file's `customRules`. */
  customRules: Record<string, unknown>;
  /** "YYYY-MM-DD", or "" for today. */
  referenceDate: string;
  fiscalYearStartMonth: number;
  maxDocumentLength: number;
  /** Base URL of the rule documentation links (`<docsUrl><rule-id>.md`). */
  docsUrl: string;
}

export const DEFAULT_SETTINGS: StrategyLintSettings = {
  enable: true,
  run: 'onType',
  debounceMs: 250,
  rules: {},
  types: {},
  sections: {},
  customRules: {},
  referenceDate: '',
  fiscalYearStartMonth: 1,
  maxDocumentLength: 1_000_000,
  docsUrl: DOCS_BASE_URL,
};

/** An http(s) base URL, ending in "/" (added when missing), else the default. */
function docsUrlOf(value: unknown): string {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/i.test(value.trim())) return DEFAULT_SETTINGS.docsUrl;
  const url = value.trim();
  return url.endsWith('/') ? url : `${url}/`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whatever the client sent (null, partial, wrong types) → complete settings. */
export function normalizeSettings(raw: unknown): StrategyLintSettings {
  const value = isObject(raw) ? raw : {};
  const number = (key: keyof StrategyLintSettings, min: number): number => {
    const candidate = value[key];
    return typeof candidate === 'number' && Number.isFinite(candidate) && candidate >= min ? candidate : (DEFAULT_SETTINGS[key] as number);
  };
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: number('debounceMs', 0),
    rules: isObject(value.rules) ? value.rules : {},
    types: isObject(value.types) ? value.types : {},
    sections: isObject(value.sections) ? value.sections : {},
    customRules: isObject(value.customRules) ? value.customRules : {},
    referenceDate: typeof value.referenceDate === 'string' ? value.referenceDate.trim() : '',
    fiscalYearStartMonth: number('fiscalYearStartMonth', 1),
    maxDocumentLength: number('maxDocumentLength', 1),
    docsUrl: docsUrlOf(value.docsUrl),
  };
}

/**
 * In an untrusted workspace (initializationOptions.workspaceTrusted === false) the settings that
 * change what is reported — package.json's `restrictedConfigurations` — fall back to the defaults,
 * so the settings layer is empty. `enable`, `run` and `debounceMs` still apply.
 */
export function withoutRestrictedSettings(settings: StrategyLintSettings): StrategyLintSettings {
  return {
    ...settings,
    rules: DEFAULT_SETTINGS.rules,
    types: DEFAULT_SETTINGS.types,
    sections: DEFAULT_SETTINGS.sections,
    customRules: DEFAULT_SETTINGS.customRules,
    referenceDate: DEFAULT_SETTINGS.referenceDate,
    fiscalYearStartMonth: DEFAULT_SETTINGS.fiscalYearStartMonth,
    maxDocumentLength: DEFAULT_SETTINGS.maxDocumentLength,
  };
}

/** The settings as a config layer (validated like a config file; problems name "settings"). */
export function settingsLayer(settings: StrategyLintSettings, workspaceFolder: string | null): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const raw: Record<string, unknown> = {
    rules: settings.rules,
    types: settings.types,
    sections: settings.sections,
  };
  if (Object.keys(settings.customRules).length > 0) raw.customRules = settings.customRules;
  if (settings.referenceDate) raw.referenceDate = settings.referenceDate;
  if (settings.fiscalYearStartMonth !== DEFAULT_SETTINGS.fiscalYearStartMonth) raw.fiscalYearStartMonth = settings.fiscalYearStartMonth;
  if (settings.maxDocumentLength !== DEFAULT_SETTINGS.maxDocumentLength) raw.maxDocumentLength = settings.maxDocumentLength;
  const { layer, problems } = validateConfig(raw, 'settings');
  const named = problems.map((problem) => ({ ...problem, key: `strategyLint.${problem.key}` }));
  return { layer: { ...layer, source: 'settings', ...(workspaceFolder ? { baseDir: workspaceFolder } : {}) }, problems: named };
}

/**
 * Settings per document, pulled with `workspace/configuration` (scopeUri = the document, so
 * folder and language overrides apply) and cached until `didChangeConfiguration` clears them.
 * Clients without that request get the settings pushed in `didChangeConfiguration`, else defaults.
 */
export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<StrategyLintSettings>>();
  private pushed: StrategyLintSettings = DEFAULT_SETTINGS;
  /** The last settings resolved for a document, for synchronous callers (debounce delay). */
  private readonly resolved = new Map<string, StrategyLintSettings>();
  private workspaceTrusted = true;

  constructor(private readonly connection: Connection, private supportsPull = false) {}

  setSupportsPull(value: boolean): void {
    this.supportsPull = value;
  }

  /** Untrusted: restricted settings are ignored (see withoutRestrictedSettings). */
  setWorkspaceTrusted(trusted: boolean): void {
    this.workspaceTrusted = trusted;
  }

  private normalize(raw: unknown): StrategyLintSettings {
    const settings = normalizeSettings(raw);
    return this.workspaceTrusted ? settings : withoutRestrictedSettings(settings);
  }

  get(uri: string): Promise<StrategyLintSettings> {
    if (!this.supportsPull) return Promise.resolve(this.pushed);
    let pending = this.perDocument.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'strategyLint' })
        .then((raw) => this.normalize(raw), () => DEFAULT_SETTINGS)
        .then((settings) => {
          this.resolved.set(uri, settings);
          return settings;
        });
      this.perDocument.set(uri, pending);
    }
    return pending;
  }

  /** The settings last resolved for a document, if any (no request). */
  peek(uri: string): StrategyLintSettings | undefined {
    return this.supportsPull ? this.resolved.get(uri) : this.pushed;
  }

  /** `didChangeConfiguration`: forget everything; remember pushed settings for non-pull clients. */
  clear(pushedSettings?: unknown): void {
    this.perDocument.clear();
    this.resolved.clear();
    if (isObject(pushedSettings) && 'strategyLint' in pushedSettings) this.pushed = this.normalize(pushedSettings.strategyLint);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
    this.resolved.delete(uri);
  }
}
