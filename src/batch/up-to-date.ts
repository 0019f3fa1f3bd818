import { closeSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openRegularFile } from '../io/open-regular-file.js';

/** The newest modification time of the files in a template folder (recursively), in ms. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** The id a case file declares, read without parsing it; undefined when it is not a plain top-level `id:`. */
export function peekCaseId(text: string): string | undefined {
  return /^id:[ \t]*(["']?)([a-z0-9][a-z0-9-]*)\1[ \t]*(?:#.*)?$/m.exec(text)?.[2];
}

/** Bytes read first when peeking: the id is near the top of almost every case file. */
const HEAD_BYTES = 4096;
const head = Buffer.alloc(HEAD_BYTES); // reused: planning peeks at thousands of files in a row

/** The id a case file declares, reading only its first lines when the id is there (see peekCaseId). */
export function peekCaseIdInFile(path: string): string | undefined {
  const { fd } = openRegularFile(path); // a FIFO throws instead of blocking; the render reports it
  let read: number;
  try {
    read = readSync(fd, head, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const text = head.toString('utf8', 0, read);
  if (read < HEAD_BYTES) return peekCaseId(text);
  // Only whole lines: a line cut off at the end could show part of the id.
  return peekCaseId(text.slice(0, text.lastIndexOf('\n') + 1)) ?? peekCaseId(readFileSync(path, 'utf8'));
}

/**
 * Which files exist, each folder listed once: on a first run no output exists, and one listing of
 * the output folder answers for thousands of files that would each be asked for in turn.
 */
export class FolderListings {
  readonly #names = new Map<string, Set<string>>();

  /** Whether the folder of `path` lists it (a missing folder lists nothing). */
  lists(path: string): boolean {
    const dir = dirname(path);
    let names = this.#names.get(dir);
    if (!names) {
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = new Set();
      }
      this.#names.set(dir, names);
    }
    return names.has(basename(path));
  }
}

/**
 * Whether every output exists and is newer than both the case file and the template. The case
 * file's time is asked for only when every output exists (on a first run, none do); `listings`
 * answers first whether an output exists.
 */
export function isUpToDate(targets: readonly string[], sourceMtime: () => number, templateMtime: number, listings: FolderListings): boolean {
  let oldest = Infinity;
  for (const target of targets) {
    if (!listings.lists(target)) return false;
    // Without an exception for a missing output.
    const stat = statSync(target, { throwIfNoEntry: false });
    if (!stat) return false;
    oldest = Math.min(oldest, stat.mtimeMs);
  }
  try {
    return oldest > Math.max(sourceMtime(), templateMtime);
  } catch {
    return false; // the render reports what is wrong with the case file
  }
}
