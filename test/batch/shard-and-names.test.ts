import { describe, expect, it } from 'vitest';
import { checkNamePattern, outputPath, sourceParts } from '../../src/batch/output-names.js';
import { parseShard, selectShard } from '../../src/batch/shard.js';
import { peekCaseId, peekCaseIdInFile } from '../../src/batch/up-to-date.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputRef } from '../../src/io/expand-inputs.js';

const refs: InputRef[] = Array.from({ length: 200 }, (_, i) => ({ kind: 'file', path: `cases/site-${i % 7}/case-${i}.yaml` }));

describe('shards', () => {
  it('reads I/N and refuses anything else', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-3', '']) expect(typeof parseShard(bad)).toBe('string');
  });

  it('covers every input exactly once across the shards, whatever the order', () => {
    const shuffled = [...refs].reverse();
    const all = [1, 2, 3].flatMap((index) => selectShard(shuffled, { index, count: 3 }, '/work'));
    expect(all).toHaveLength(refs.length);
    expect(new Set(all.map((r) => (r.kind === 'file' ? r.path : '-'))).size).toBe(refs.length);
    const inOrder = selectShard(refs, { index: 2, count: 3 }, '/work').map((r) => (r.kind === 'file' ? r.path : '-')).sort();
    const reversed = selectShard(shuffled, { index: 2, count: 3 }, '/work').map((r) => (r.kind === 'file' ? r.path : '-')).sort();
    expect(reversed).toEqual(inOrder);
  });

  it('spreads cases roughly evenly', () => {
    const sizes = [1, 2, 3, 4].map((index) => selectShard(refs, { index, count: 4 }, '/work').length);
    for (const size of sizes) expect(size).toBeGreaterThan(30);
  });
});

describe('output names', () => {
  it('fills the pattern and mirrors folders with {dir}', () => {
    const parts = { id: 'p-1', ext: 'pdf', ...sourceParts('cases/clinic-a/x.yaml', 'cases') };
    expect(outputPath('out', '{id}.{ext}', parts)).toBe('out/p-1.pdf');
    expect(outputPath('out', '{dir}/{name}.{ext}', parts)).toBe('out/clinic-a/x.pdf');
  });

  it('refuses patterns that would make formats or cases collide', () => {
    expect(checkNamePattern('{id}.{ext}')).toBeUndefined();
    expect(checkNamePattern('{id}.pdf')).toContain('{ext}');
    expect(checkNamePattern('report.{ext}')).toContain('{id} or {name}');
    expect(checkNamePattern('{id}-{foo}.{ext}')).toContain('unknown placeholder {foo}');
  });

  it('peeks at a plain top-level id without parsing, and gives up on anything else', () => {
    expect(peekCaseId('casereport: 1\nid: steven-sci # the case\n')).toBe('steven-sci');
    expect(peekCaseId('casereport: 1\nid: "quoted-id"\n')).toBe('quoted-id');
    expect(peekCaseId('casereport: 1\npatient:\n  id: nested\n')).toBeUndefined();
    expect(peekCaseId('id: Not_Valid\n')).toBeUndefined();
  });

  it('peeks at the id of a file from its first lines, and reads on when the id comes later', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casereport-peek-'));
    const file = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(peekCaseIdInFile(file('small.yaml', 'casereport: 1\nid: small-one\n'))).toBe('small-one');
    const filler = `notes: ${'x'.repeat(5000)}\n`;
    expect(peekCaseIdInFile(file('late.yaml', `casereport: 1\n${filler}id: late-one\n`))).toBe('late-one');
    // The first 4 KiB end inside the id line: the whole line is read, not "long-i".
    const cut = `casereport: 1\nnotes: ${'y'.repeat(4096 - 'casereport: 1\nnotes: \nid: long-i'.length)}\nid: long-id\n${filler}`;
    expect(peekCaseIdInFile(file('cut.yaml', cut))).toBe('long-id');
    expect(peekCaseIdInFile(file('none.yaml', `casereport: 1\n${filler}`))).toBeUndefined();
  });
});
