import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { MAX_CASE_BYTES } from '../core/parse.js';
import type { InputRef } from './expand-inputs.js';

/** The text of one case file, with the name used in messages. */
export interface CaseSource {
  name: string;
  /** Absolute or relative path; undefined for standard input. */
  path?: string;
  text: string;
}

/**
 * Reads a case file (or standard input). A file over the size limit is read only as far as the
 * limit and one byte more: enough for the parser to refuse it, however large the file is.
 */
export function readCaseSource(ref: InputRef): CaseSource {
  if (ref.kind === 'stdin') {
    return { name: '<stdin>', text: readFileSync(0, 'utf8') };
  }
  const fd = openSync(ref.path, 'r');
  try {
    if (fstatSync(fd).size <= MAX_CASE_BYTES) return { name: ref.path, path: ref.path, text: readFileSync(fd, 'utf8') };
    const head = Buffer.alloc(MAX_CASE_BYTES + 1);
    const read = readSync(fd, head, 0, head.length, 0);
    return { name: ref.path, path: ref.path, text: head.toString('utf8', 0, read) };
  } finally {
    closeSync(fd);
  }
}
