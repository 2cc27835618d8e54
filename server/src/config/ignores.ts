/**
 * `ignores` globs (config files) and `--ignore-pattern` globs (the command line): documents the
 * CLI leaves out, on top of `.gitignore`. A glob is relative to its folder (the nearest config
 * file's, or the working folder); one without "/" matches a name at any depth, as in .gitignore;
 * one that matches a folder ignores everything in it ("drafts", "archive/**", "drafts/").
 * Globs that could make matching hang are refused when the config is read (unsafeGlob).
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { unsafeGlob } from '../engine/model/doctype.js';

export class IgnoreGlobs {
  private readonly matchers: Array<(relative: string) => boolean>;

  constructor(globs: readonly string[], private readonly baseDir: string) {
    this.matchers = globs.filter((glob) => glob.trim() !== '' && unsafeGlob(glob) === null).map((glob) => {
      const pattern = glob.trim().replace(/^\.\//, '').replace(/\/+$/, '');
      return picomatch(pattern, { dot: true, noextglob: true, matchBase: !pattern.includes('/') });
    });
  }

  get empty(): boolean {
    return this.matchers.length === 0;
  }

  /** True when a glob matches the file, or a folder it is in (below the base folder). */
  ignores(file: string): boolean {
    if (this.matchers.length === 0) return false;
    const relative = path.relative(this.baseDir, path.resolve(file));
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const parts = relative.split(path.sep);
    for (let end = parts.length; end > 0; end--) {
      const candidate = parts.slice(0, end).join('/');
      if (this.matchers.some((matches) => matches(candidate))) return true;
    }
    return false;
  }
}
