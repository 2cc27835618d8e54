/**
 * What linting a file on disk needs, once per run: the config that applies to it (the nearest
 * config file, cached per folder, or the one given with --config), the command line's own layer
 * (--reference-date), the engine options (paths for type globs and type signals), how much of it
 * may be read, and whether `ignores` or --ignore-pattern leave it out. Shared by the CLI and the
 * programmatic API (lintFiles), so both read files the same way.
 */
import * as path from 'node:path';
import { validateConfig, type ConfigLayer, type DocType, type LintOptions } from '../engine/index.js';
import { lastSet } from '../engine/config/resolve.js';
import { loadConfigFile, loadConfigForFile, relativeToConfig, type LoadedConfig } from '../config/load.js';
import { documentReadLimit } from '../config/read-file.js';
import { IgnoreGlobs } from '../config/ignores.js';
import { projectPathOf } from './project-root.js';

export interface LintContextOptions {
  cwd: string;
  /** A config file to use instead of the nearest one (it must exist). */
  configFile?: string;
  /** YYYY-MM-DD (checked by the caller). */
  referenceDate?: string;
  type?: DocType;
  today?: Date;
  /** Globs relative to `cwd` of files to leave out. */
  ignorePatterns?: readonly string[];
  /** Lint what `ignores` and `ignorePatterns` leave out. */
  noIgnore?: boolean;
}

export class LintContext {
  readonly cwd: string;
  private readonly cliLayers: ConfigLayer[];
  private readonly explicit: LoadedConfig | null;
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly configIgnores = new Map<LoadedConfig, IgnoreGlobs>();
  private readonly projectRoots = new Map<string, string | null>();
  private readonly patterns: IgnoreGlobs;

  constructor(private readonly options: LintContextOptions) {
    this.cwd = options.cwd;
    this.cliLayers = options.referenceDate ? [validateConfig({ referenceDate: options.referenceDate }, 'command line').layer] : [];
    this.explicit = options.configFile ? loadConfigFile(path.resolve(options.cwd, options.configFile), { fallbackRoot: options.cwd }) : null;
    this.patterns = new IgnoreGlobs(options.ignorePatterns ?? [], options.cwd);
  }

  /** The config that applies to a file: --config, else the nearest config file above it. */
  configFor(file: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const dir = path.dirname(path.resolve(file));
    let config = this.configs.get(dir);
    if (!config) {
      config = loadConfigForFile(file, { fallbackRoot: this.cwd });
      this.configs.set(dir, config);
    }
    return config;
  }

  /** The config's layers, then the command line's. */
  layersFor(config: LoadedConfig): ConfigLayer[] {
    return [...config.layers, ...this.cliLayers];
  }

  /** How many bytes of a document under this config are read. */
  readLimit(config: LoadedConfig): number {
    return documentReadLimit(lastSet(this.layersFor(config), 'maxDocumentLength'));
  }

  lintOptions(file: string, config: LoadedConfig): LintOptions {
    return {
      filePath: file,
      relativePath: relativeToConfig(file, config, this.cwd),
      projectPath: projectPathOf(file, this.projectRoots),
      layers: this.layersFor(config),
      type: this.options.type,
      today: this.options.today,
    };
  }

  /** True when the config's `ignores` or the command line's --ignore-pattern leave the file out (never with --no-ignore). */
  ignored(file: string, config = this.configFor(file)): boolean {
    if (this.options.noIgnore) return false;
    if (this.patterns.ignores(file)) return true;
    let globs = this.configIgnores.get(config);
    if (!globs) {
      const list = config.layers.flatMap((layer) => layer.ignores ?? []);
      globs = new IgnoreGlobs(list, config.baseDir ?? this.cwd);
      this.configIgnores.set(config, globs);
    }
    return globs.ignores(file);
  }
}
