import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNewFile, OutsideOutputFolderError, TEMP_MARKER, writeFileAtomic } from '../../src/io/safe-write.js';

const newDir = (): string => mkdtempSync(join(tmpdir(), 'casereport-write-'));

describe('writeFileAtomic', () => {
  it('writes whole files, creating the folder, and leaves no temporary file', () => {
    const dir = newDir();
    writeFileAtomic(join(dir, 'new', 'deeper', 'a.md'), 'first');
    writeFileAtomic(join(dir, 'new', 'deeper', 'a.md'), 'second');
    expect(readFileSync(join(dir, 'new', 'deeper', 'a.md'), 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'new', 'deeper'))).toEqual(['a.md']);
  });

  it('cannot be made to write through links planted in a shared output folder', () => {
    const dir = newDir();
    const victim = join(newDir(), 'victim.txt');
    writeFileSync(victim, 'precious');
    // Links at every name the temporary files of earlier versions took (pid, thread, counter, file).
    for (let n = 1; n <= 300; n++) symlinkSync(victim, join(dir, `${TEMP_MARKER}${process.pid}-0-${n}-a.md`));
    for (let i = 0; i < 5; i++) writeFileAtomic(join(dir, 'a.md'), `report ${i}`);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('report 4');
  });

  it('names temporary files unpredictably and creates them only where nothing is', () => {
    const dir = newDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'link'));
    expect(() => openNewFile(join(dir, 'link'))).toThrow(/EEXIST/);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(() => openNewFile(join(dir, 'dangling'))).toThrow(/EEXIST/);
    expect(readdirSync(dir).sort()).toEqual(['dangling', 'link', 'victim.txt']); // nothing created through the links
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('refuses, with `within`, to write through a linked subfolder to outside the folder', () => {
    const out = newDir();
    const elsewhere = newDir();
    symlinkSync(elsewhere, join(out, 'linked'));
    expect(() => writeFileAtomic(join(out, 'linked', 'deeper', 'a.md'), 'x', { within: out })).toThrow(OutsideOutputFolderError);
    expect(readdirSync(elsewhere)).toEqual([]);
    // A real subfolder, and one that does not exist yet, are fine; so is an output folder not made yet.
    mkdirSync(join(out, 'real'));
    writeFileAtomic(join(out, 'real', 'a.md'), 'x', { within: out });
    writeFileAtomic(join(out, 'new', 'a.md'), 'x', { within: out });
    writeFileAtomic(join(out, 'later', 'deep', 'a.md'), 'x', { within: join(out, 'later') });
    expect(readFileSync(join(out, 'later', 'deep', 'a.md'), 'utf8')).toBe('x');
  });
});
