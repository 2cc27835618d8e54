/**
 * `node:path` in the browser bundles (scripts/bundle.mjs points `node:path` here): POSIX paths,
 * as the path parts of URIs are (path-browserify is Node's own posix implementation). `win32`
 * holds the one function the shared code asks of it: config/load.ts refuses a Windows absolute
 * path in `extends` on every platform.
 */
import posix from 'path-browserify';

export const { basename, delimiter, dirname, extname, format, isAbsolute, join, normalize, parse, relative, resolve, sep } = posix;
export { posix };
export const win32 = { isAbsolute: (p: string): boolean => /^(?:[\\/]|[a-zA-Z]:[\\/])/.test(p) };
export default { ...posix, posix, win32 };
