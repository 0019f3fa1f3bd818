import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Temporary files carry this marker, so a clean-up can find leftovers of a killed run. */
export const TEMP_MARKER = '.casereport-tmp-';

/** A write refused before it began: it would have left the output folder. */
export class OutsideOutputFolderError extends Error {
  readonly code = 'OUTSIDE_OUTPUT_FOLDER';
}

// Temporary files being written right now: removed if the process exits before renaming them.
const pending = new Set<string>();
// Temporary names: a random part drawn once per process (nobody can guess it, so nobody can plant
// a file under a name this process will want) and a counter. The open is exclusive in any case.
const TEMP_PREFIX = `${randomBytes(6).toString('hex')}-`;
let written = 0;
let exitHookInstalled = false;

function track(temp: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const file of pending) rmSync(file, { force: true });
    });
  }
  pending.add(temp);
}

// Created only if no file or link has the name (O_EXCL), never through a link (O_NOFOLLOW): a
// link planted in a shared output folder cannot redirect the write. The name is random, and short,
// so that it fits wherever the target's own name fits.
const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Opens a file for writing that did not exist before; a file or a link already there is an error (EEXIST). */
export function openNewFile(path: string): number {
  return openSync(path, TEMP_FLAGS, 0o666);
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the data
 * goes to a new temporary file in the same folder, which is then renamed over the target (a rename
 * replaces a link at the target, it does not write through it). A missing folder is created.
 * With `within`, the file's folder must really be inside that folder: a write through a linked
 * subfolder to somewhere else is refused before anything is created.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { within?: string } = {}): void {
  const dir = dirname(path);
  if (options.within !== undefined) checkStaysInside(dir, options.within);
  const temp = join(dir, `${TEMP_MARKER}${TEMP_PREFIX}${(++written).toString(36)}`);
  let fd: number;
  try {
    fd = openNewFile(temp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    makeFolders(dir);
    fd = openNewFile(temp);
  }
  track(temp);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/**
 * Creates a folder and its missing parents, one level at a time. Not `mkdirSync(dir, { recursive:
 * true })`: on a file system that refuses new folders without saying EACCES (/proc, say), Node's
 * recursive creation retries for ever.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // made meanwhile by someone else
    }
  }
}

/**
 * Throws unless the folder `dir` (which may not exist yet) is inside `root` once links are followed:
 * the deepest part of `dir` that exists must really lie in `root`.
 */
function checkStaysInside(dir: string, root: string): void {
  const rootPath = resolve(root);
  let existing = resolve(dir);
  for (;;) {
    let real: string;
    try {
      real = realpathSync.native(existing);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(existing) === existing) throw error;
      existing = dirname(existing);
      continue;
    }
    // Above the output folder (which does not exist yet): nothing below it can be a link.
    if (!within(rootPath, existing)) return;
    if (!within(realpathSync.native(rootPath), real)) {
      throw new OutsideOutputFolderError(`${dir} leads outside the output folder ${root} through a symbolic link`);
    }
    return;
  }
}

/** Whether `path` is `dir` or below it. */
function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
