import ignore, { type Ignore } from 'ignore';
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';

/** The file extensions keyguard lints. */
export const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Directories never worth descending into: dependencies, VCS data, build output, caches. */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '.cache',
  '.yarn',
  'bower_components',
]);

export interface FileSelection {
  files: string[];
  /** files left out as minified or generated bundles */
  minified: string[];
}

/**
 * The files to lint under the given paths: JS/TS sources, honouring
 * `.gitignore` files (the root's and nested ones), skipping dependencies,
 * build output and minified bundles. Explicitly named files are always
 * included if they have a source extension (a pre-commit hook names them).
 * The result is sorted, so shards and baselines are deterministic.
 */
export function selectFiles(paths: readonly string[], cwd: string): FileSelection {
  const files = new Set<string>();
  const minified: string[] = [];
  const consider = (file: string) => {
    if (isMinified(file)) minified.push(relative(cwd, file));
    else files.add(file);
  };
  for (const input of paths) {
    const absolute = resolve(cwd, input);
    if (!existsSync(absolute)) throw new UsageError(`no such file or directory: ${input}`);
    const stat = statSync(absolute);
    if (stat.isFile()) {
      if (SOURCE_EXTENSIONS.test(absolute)) consider(absolute);
      continue;
    }
    walk(absolute, gitignoreStack(absolute, cwd), consider);
  }
  return { files: [...files].sort(), minified: minified.sort() };
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

/** The .gitignore layers that apply to a starting directory: those of its ancestors up to the repository root. */
function gitignoreStack(start: string, cwd: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  let dir = start;
  const root = findRepositoryRoot(start) ?? resolve(cwd);
  const chain: string[] = [];
  while (dir.startsWith(root)) {
    chain.unshift(dir);
    const parent = resolve(dir, '..');
    if (parent === dir) break;
    dir = parent;
  }
  for (const directory of chain.slice(0, -1)) {
    const layer = readGitignore(directory);
    if (layer) layers.push(layer);
  }
  return layers;
}

function findRepositoryRoot(start: string): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) return null;
    dir = parent;
  }
}

function readGitignore(directory: string): IgnoreLayer | null {
  const file = join(directory, '.gitignore');
  if (!existsSync(file)) return null;
  try {
    return { base: directory, rules: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    return null;
  }
}

function ignored(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.base, path).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDirectory ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Iterative directory walk (no recursion: deep trees cannot overflow). */
function walk(root: string, inherited: IgnoreLayer[], consider: (file: string) => void): void {
  const stack: { dir: string; layers: IgnoreLayer[] }[] = [{ dir: root, layers: inherited }];
  while (stack.length) {
    const { dir, layers: parentLayers } = stack.pop()!;
    const own = readGitignore(dir);
    const layers = own ? [...parentLayers, own] : parentLayers;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || ignored(layers, path, true)) continue;
        stack.push({ dir: path, layers });
      } else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name) && !ignored(layers, path, false)) {
        consider(path);
      }
    }
  }
}

/**
 * Minified bundles: `*.min.js`, or a file whose first 64 KiB hold a line of
 * more than 1,000 characters while averaging over 300 per line.
 */
export function isMinified(file: string): boolean {
  if (/\.min\.[cm]?js$/.test(basename(file))) return true;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(65536);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, read).toString('utf8');
    const lines = head.split('\n');
    const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
    return longest > 1000 && head.length / lines.length > 300;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A mistake in how keyguard was called: exit code 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}
