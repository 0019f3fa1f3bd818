import { closeSync, constants, fstatSync, openSync, statSync, type Stats } from 'node:fs';

/** A file that casereport will not read, with why, in words for the user. */
export class NotARegularFileError extends Error {
  constructor(
    readonly path: string,
    /** What the path is instead: "a folder", "a named pipe (FIFO)", … */
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
    this.name = 'NotARegularFileError';
  }
}

/** What a non-regular file is, for messages. */
export function describeFileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

/**
 * Opens a regular file for reading and returns its descriptor and size; anything else (a folder, a
 * FIFO, a device, a socket) throws NotARegularFileError without blocking. A plain open of a FIFO
 * waits for a writer, and a blocked synchronous read cannot even be interrupted by SIGTERM once the
 * CLI handles that signal. So: stat first (opening some devices has side effects), then open with
 * O_NONBLOCK and check the descriptor itself, which is what will be read, whatever the path became.
 */
export function openRegularFile(path: string): { fd: number; size: number } {
  const before = statSync(path);
  if (!before.isFile()) throw new NotARegularFileError(path, describeFileKind(before));
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotARegularFileError(path, describeFileKind(stats));
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
