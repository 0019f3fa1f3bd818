import { closeSync, readFileSync, readSync } from 'node:fs';
import { caseIssue, type CaseIssue } from '../core/errors.js';
import { MAX_CASE_BYTES } from '../core/parse.js';
import type { InputRef } from './expand-inputs.js';
import { NotARegularFileError, openRegularFile } from './open-regular-file.js';

/** The text of one case file, with the name used in messages. */
export interface CaseSource {
  name: string;
  /** Absolute or relative path; undefined for standard input. */
  path?: string;
  text: string;
}

/** A case file that cannot be read (a FIFO, a folder, no permission): the user's to fix, not a bug. */
export class CaseReadError extends Error {
  constructor(
    /** The input as named on the command line. */
    readonly input: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CaseReadError';
  }

  /** The problem as an issue of the case file (no line: there is no text to point at). */
  toIssue(): CaseIssue {
    return caseIssue('unreadable-input', this.message, [], this.hint);
  }
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENXIO: 'not a file that can be opened',
};

function toCaseReadError(path: string, error: unknown): CaseReadError {
  if (error instanceof NotARegularFileError) {
    const hint =
      error.kind === 'a named pipe (FIFO)'
        ? 'to read a case from a pipe, give - and send it to standard input'
        : 'give a case file (.yaml or .yml)';
    return new CaseReadError(path, `cannot read ${path}: it is ${error.kind}, not a regular file`, hint);
  }
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === undefined) throw error; // not the file system's answer: a bug
  return new CaseReadError(path, `cannot read ${path}: ${ERRNO_WORDS[code] ?? message}`);
}

/** Sleeps the thread for `ms` milliseconds (a sync read has no event loop to wait on). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Standard input, up to the size limit and one byte more (as for a file). A pipe may be
 * non-blocking, so a read before the writer has written fails with EAGAIN: wait a little and read
 * again, until the end of the input (`readFileSync(0)` throws EAGAIN, and reads without limit).
 */
function readStandardInput(): string {
  const buffer = Buffer.alloc(MAX_CASE_BYTES + 1);
  let length = 0;
  while (length < buffer.length) {
    let read: number;
    try {
      read = readSync(0, buffer, length, buffer.length - length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      sleepSync(10);
      continue;
    }
    if (read === 0) break;
    length += read;
  }
  return buffer.toString('utf8', 0, length);
}

/**
 * Reads a case file (or standard input, which may be a pipe). Only a regular file is read: anything
 * else throws CaseReadError at once instead of waiting on it. A file over the size limit is read
 * only as far as the limit and one byte more: enough for the parser to refuse it, however large.
 */
export function readCaseSource(ref: InputRef): CaseSource {
  if (ref.kind === 'stdin') return { name: '<stdin>', text: readStandardInput() };
  let opened: { fd: number; size: number };
  try {
    opened = openRegularFile(ref.path);
  } catch (error) {
    throw toCaseReadError(ref.path, error);
  }
  const { fd, size } = opened;
  try {
    if (size <= MAX_CASE_BYTES) return { name: ref.path, path: ref.path, text: readFileSync(fd, 'utf8') };
    const head = Buffer.alloc(MAX_CASE_BYTES + 1);
    const read = readSync(fd, head, 0, head.length, 0);
    return { name: ref.path, path: ref.path, text: head.toString('utf8', 0, read) };
  } finally {
    closeSync(fd);
  }
}
