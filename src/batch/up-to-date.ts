import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Whether every output exists and is newer than both the case file and the template. The case
 * file's time is asked for only when every output exists (on a first run, none do).
 */
export function isUpToDate(targets: readonly string[], sourceMtime: () => number, templateMtime: number): boolean {
  let oldest = Infinity;
  for (const target of targets) {
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
