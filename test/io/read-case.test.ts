import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseReadError, readCaseSource } from '../../src/io/read-case.js';
import { tempDir } from '../helpers/cli.js';

// A FIFO is tested through the CLI (test/cli/unreadable-inputs.test.ts), in a child process that can
// be killed: here, a regression would block this test thread for ever.
describe('readCaseSource', () => {
  it('reads a regular file', () => {
    const path = join(tempDir(), 'case.yaml');
    writeFileSync(path, 'id: x\n');
    expect(readCaseSource({ kind: 'file', path })).toEqual({ name: path, path, text: 'id: x\n' });
  });

  it('refuses a folder as a problem of the input, with an issue to report', () => {
    const path = join(tempDir(), 'folder.yaml');
    mkdirSync(path);
    let caught: unknown;
    try {
      readCaseSource({ kind: 'file', path });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CaseReadError);
    expect((caught as CaseReadError).message).toBe(`cannot read ${path}: it is a folder, not a regular file`);
    expect((caught as CaseReadError).toIssue()).toMatchObject({
      code: 'unreadable-input',
      path: [],
      severity: 'error',
      hint: 'give a case file (.yaml or .yml)',
    });
  });

  it('says "no such file" for a file that is gone', () => {
    const path = join(tempDir(), 'gone.yaml');
    expect(() => readCaseSource({ kind: 'file', path })).toThrow(`cannot read ${path}: no such file`);
  });
});
