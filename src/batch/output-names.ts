import { basename, dirname, extname, join, relative } from 'node:path';

/** What an output name pattern can use. */
export interface NameParts {
  id: string;
  ext: string;
  /** The case file's name without extension (`<stdin>` for standard input). */
  name: string;
  /** The case file's folder relative to the input it was found under ('' at the top). */
  dir: string;
}

/** Placeholders a `--name` pattern may hold. */
export const NAME_PLACEHOLDERS = ['id', 'ext', 'name', 'dir'] as const;

/** Checks a `--name` pattern: only known placeholders, and `{ext}` so formats do not collide. */
export function checkNamePattern(pattern: string): string | undefined {
  for (const [, key] of pattern.matchAll(/\{([^}]*)\}/g)) {
    if (!(NAME_PLACEHOLDERS as readonly string[]).includes(key ?? '')) {
      return `unknown placeholder {${key}} in --name; use ${NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
    }
  }
  if (!pattern.includes('{ext}')) return '--name needs {ext}, so that each format gets its own file';
  if (!pattern.includes('{id}') && !pattern.includes('{name}')) return '--name needs {id} or {name}, so that each case gets its own file';
  return undefined;
}

/** The output path for one case and format: `outDir/pattern` with placeholders filled. */
export function outputPath(outDir: string, pattern: string, parts: NameParts): string {
  const name = pattern.replace(/\{(id|ext|name|dir)\}/g, (_, key: keyof NameParts) => parts[key]);
  return join(outDir, name.replace(/^\/+/, ''));
}

/** Name parts that come from where the case file was found. */
export function sourceParts(path: string | undefined, root: string | undefined): Pick<NameParts, 'name' | 'dir'> {
  if (path === undefined) return { name: 'stdin', dir: '' };
  const dir = root === undefined ? '' : relative(root, dirname(path));
  return { name: basename(path, extname(path)), dir: dir.startsWith('..') ? '' : dir };
}
