import { describe, expect, it } from 'vitest';
import { checkNamePattern, outputsFor, type CaseOutputs } from '../../src/batch/outputs.js';
import { parseShard, selectShard } from '../../src/batch/shard.js';
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
    const inOrder = selectShard(refs, { index: 2, count: 3 }, '/work')
      .map((r) => (r.kind === 'file' ? r.path : '-'))
      .sort();
    const reversed = selectShard(shuffled, { index: 2, count: 3 }, '/work')
      .map((r) => (r.kind === 'file' ? r.path : '-'))
      .sort();
    expect(reversed).toEqual(inOrder);
  });

  it('spreads cases roughly evenly', () => {
    const sizes = [1, 2, 3, 4].map((index) => selectShard(refs, { index, count: 4 }, '/work').length);
    for (const size of sizes) expect(size).toBeGreaterThan(30);
  });
});

describe('outputs of a case', () => {
  const file: InputRef = { kind: 'file', path: 'cases/clinic-a/x.yaml', root: 'cases' };
  const plan = (ref: InputRef, settings: Parameters<typeof outputsFor>[2]): CaseOutputs => {
    const planned = outputsFor(ref, 'p-1', settings);
    if ('problem' in planned) throw new Error(planned.problem);
    return planned;
  };

  it('fills the pattern and mirrors folders with {dir}', () => {
    expect(plan(file, { formats: ['pdf'], outDir: 'out', namePattern: '{id}.{ext}' }).reports).toEqual([
      { format: 'pdf', target: 'out/p-1.pdf' },
    ]);
    expect(plan(file, { formats: ['md', 'html'], outDir: 'out', namePattern: '{dir}/{name}.{ext}' }).reports.map((r) => r.target)).toEqual([
      'out/clinic-a/x.md',
      'out/clinic-a/x.html',
    ]);
  });

  it('names the charts after the Markdown report, beside it, whatever the pattern', () => {
    const byName = plan(file, { formats: ['md'], outDir: 'out', namePattern: '{name}.{ext}' });
    expect([byName.chartDir, byName.chartName(2)]).toEqual(['out', 'x-chart-2.svg']);
    const byOutput = plan(file, { formats: ['md'], outDir: '.', namePattern: '{id}.{ext}', output: 'sub/report.md' });
    expect([byOutput.chartDir, byOutput.chartName(1)]).toEqual(['sub', 'report-chart-1.svg']);
    // No chart files without a Markdown file: standard output carries them inline.
    const toStdout = plan(file, { formats: ['md'], outDir: '.', namePattern: '{id}.{ext}', output: '-' });
    expect([toStdout.chartDir, toStdout.chartName(1)]).toEqual([undefined, undefined]);
    expect(plan(file, { formats: ['html'], outDir: 'out', namePattern: '{id}.{ext}' }).chartDir).toBeUndefined();
  });

  it('keeps every output inside the output folder', () => {
    const dots: InputRef = { kind: 'file', path: 'cases/...yaml' }; // its {name} is ".."
    expect(outputsFor(dots, 'p-1', { formats: ['md'], outDir: 'out', namePattern: '{name}/x-{id}.{ext}' })).toEqual({
      problem: expect.stringContaining('outside the output folder') as unknown as string,
    });
    // A leading slash is kept in the folder, as before.
    expect(plan(file, { formats: ['md'], outDir: 'out', namePattern: '/{id}.{ext}' }).reports[0]?.target).toBe('out/p-1.md');
  });

  it('refuses patterns that would make formats or cases collide, or leave the folder', () => {
    expect(checkNamePattern('{id}.{ext}')).toBeUndefined();
    expect(checkNamePattern('{id}.pdf')).toContain('{ext}');
    expect(checkNamePattern('report.{ext}')).toContain('{id} or {name}');
    expect(checkNamePattern('{id}-{foo}.{ext}')).toContain('unknown placeholder {foo}');
    expect(checkNamePattern('../../escaped-{id}.{ext}')).toContain('..');
  });
});
