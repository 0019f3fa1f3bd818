import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/safe-write.js';

describe('writeFileAtomic', () => {
  it('writes whole files, creating the folder, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casereport-write-'));
    writeFileAtomic(join(dir, 'new', 'deeper', 'a.md'), 'first');
    writeFileAtomic(join(dir, 'new', 'deeper', 'a.md'), 'second');
    expect(readFileSync(join(dir, 'new', 'deeper', 'a.md'), 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'new', 'deeper'))).toEqual(['a.md']);
  });

});
