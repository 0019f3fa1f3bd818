import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Temporary files carry this marker, so a clean-up can find leftovers of a killed run. */
export const TEMP_MARKER = '.casereport-tmp-';

// Temporary files being written right now: removed if the process exits before renaming them.
const pending = new Set<string>();
// Temporary names are unique per process, thread and write; the rename makes the write visible.
let written = 0;
let exitHookInstalled = false;

/** How the temporary files of this process begin. */
const tempPrefix = `${TEMP_MARKER}${process.pid}-`;

function track(temp: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const file of pending) rmSync(file, { force: true });
    });
  }
  pending.add(temp);
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * the data goes to a temporary file in the same folder, which is then renamed over the target.
 * A missing folder is created (only then: most writes go to a folder that exists).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const temp = join(dir, `${tempPrefix}${threadId}-${++written}-${basename(path)}`);
  track(temp);
  try {
    try {
      writeFileSync(temp, data);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, data);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}
