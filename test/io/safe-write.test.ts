import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempFilesOf, TEMP_MARKER, writeFileAtomic } from '../../src/io/safe-write.js';

describe('writeFileAtomic', () => {
  it('writes whole files, creating the folder, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casereport-write-'));
    writeFileAtomic(join(dir, 'new', 'deeper', 'a.md'), 'first');
    writeFileAtomic(join(dir, 'new', 'deeper', 'a.md'), 'second');
    expect(readFileSync(join(dir, 'new', 'deeper', 'a.md'), 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'new', 'deeper'))).toEqual(['a.md']);
  });

  it('removes only the temporary files of the thread it is asked about', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casereport-write-'));
    const of = (thread: number, n: number): string => `${TEMP_MARKER}${process.pid}-${thread}-${n}-case.md`;
    for (const name of [of(3, 1), of(3, 2), of(4, 1), `${TEMP_MARKER}999999-3-1-case.md`, 'case.md']) writeFileSync(join(dir, name), 'x');
    removeTempFilesOf(3, dir);
    expect(readdirSync(dir).sort()).toEqual([of(4, 1), `${TEMP_MARKER}999999-3-1-case.md`, 'case.md'].sort());
    expect(() => removeTempFilesOf(3, join(dir, 'missing'))).not.toThrow();
  });
});
