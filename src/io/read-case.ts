import { readFileSync, statSync } from 'node:fs';
import { MAX_CASE_BYTES } from '../core/parse.js';
import type { InputRef } from './expand-inputs.js';

/** The text of one case file, with the name used in messages. */
export interface CaseSource {
  name: string;
  /** Absolute or relative path; undefined for standard input. */
  path?: string;
  text: string;
  /** Set instead of `text` when the file is over the size limit: it was not read. */
  tooLarge?: number;
}

/** Reads a case file (or standard input); refuses oversized files before reading them. */
export function readCaseSource(ref: InputRef): CaseSource {
  if (ref.kind === 'stdin') {
    return { name: '<stdin>', text: readFileSync(0, 'utf8') };
  }
  const size = statSync(ref.path).size;
  if (size > MAX_CASE_BYTES) {
    return { name: ref.path, path: ref.path, text: '', tooLarge: size };
  }
  return { name: ref.path, path: ref.path, text: readFileSync(ref.path, 'utf8') };
}
