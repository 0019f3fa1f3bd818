import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';

// Issue 14's "done when", as a user would try it: files on disk, the built command line.

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const CASE = (extra: string) => `casereport: 1
id: breadth
patient: { label: P }
condition: { name: Spinal cord injury, onset_day: -40 }
rounds:
  - { id: r1, day: 0, end_day: 30, interventions: [{ type: rehabilitation, name: Gait training }] }
${extra}`;

describe('clinical breadth (issue 14)', () => {
  it('a case-defined distance without a range validates, prints its unit and charts to its largest value', () => {
    const dir = tempDir();
    const file = write(
      dir,
      'walk.yaml',
      CASE(`instruments:
  - { id: walk-distance, name: Continuous walking distance, unit: m, higher_is_better: true }
assessments:
  - { id: w0, instrument: walk-distance, day: 0, score: 0 }
  - { id: w1, instrument: walk-distance, day: 60, score: 40 }
  - { id: w2, instrument: walk-distance, day: 180, score: 150 }
adverse_events: []
`),
    );
    expect(runCli(['validate', file]).code).toBe(0);
    expect(runCli(['render', file, '--format', 'md,json', '--out-dir', dir]).code).toBe(0);
    const md = readFileSync(join(dir, 'breadth.md'), 'utf8');
    expect(md).toContain('Continuous walking distance (m)');
    const svg = readFileSync(join(dir, 'breadth-chart-1.svg'), 'utf8');
    const ticks = [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((m) => Number(m[1]));
    expect(Math.max(...ticks)).toBe(150);
  });

  it('an AIS grade going from A to C is an outcome, in the abstract and on a chart', () => {
    const dir = tempDir();
    const file = write(
      dir,
      'ais.yaml',
      CASE(`assessments:
  - { id: i0, instrument: isncsci, day: 0, totals: { ais: A, nli: T9, uems: 50, lems: 0 } }
  - { id: i1, instrument: isncsci, day: 90, totals: { ais: C, nli: T9, uems: 50, lems: 17 } }
adverse_events: []
`),
    );
    expect(runCli(['render', file, '--format', 'json,md', '--out-dir', dir]).code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'breadth.json'), 'utf8')) as {
      outcomes: { measure: string; baseline: unknown; latest: unknown; kind: string }[];
      abstract: string;
      charts: { key: string }[];
    };
    expect(model.outcomes.find((o) => o.measure === 'ais')).toMatchObject({ kind: 'ordinal', baseline: 'A', latest: 'C' });
    expect(model.abstract).toContain('the AIS grade improved from A to C');
    expect(model.charts.map((c) => c.key)).toContain('isncsci/ais');
    const md = readFileSync(join(dir, 'breadth.md'), 'utf8');
    expect(md.split('\n').find((l) => l.includes('AIS grade |'))).toMatch(/^\|\s+AIS grade \| A \| C \| \+2 grades \|/);
  });

  it('a serious adverse event validates and prints; `serious: maybe` fails at its line with the allowed values', () => {
    const dir = tempDir();
    const event = (serious: string) =>
      CASE(`adverse_events:
  - event: Autonomic dysreflexia
    day: 12
    serious: ${serious}
    criteria: [hospitalization]
    grade: 3
    causality: possible
`);
    const good = write(dir, 'good.yaml', event('true'));
    expect(runCli(['validate', good]).code).toBe(0);
    expect(runCli(['render', good, '--format', 'md', '--out-dir', dir]).code).toBe(0);
    expect(readFileSync(join(dir, 'breadth.md'), 'utf8')).toContain(
      '- **Autonomic dysreflexia** (day 12): hospitalization or its prolongation; grade 3 (CTCAE); possible (WHO-UMC);',
    );
    const bad = write(dir, 'bad.yaml', event('maybe'));
    const run = runCli(['validate', bad]);
    expect(run.code).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/bad\.yaml:10:14 +adverse_events\[0\]\.serious +expected true or false, found text `maybe`/);
  });

  it('every bundled example and test case file still validates', () => {
    const files = [
      ...readdirSync(join(ROOT, 'examples')).map((f) => join(ROOT, 'examples', f)),
      ...['published', 'check'].flatMap((d) =>
        readdirSync(join(ROOT, 'test', 'fixtures', d)).map((f) => join(ROOT, 'test', 'fixtures', d, f)),
      ),
      join(ROOT, 'test', 'render', 'fixtures', 'every-field.yaml'),
    ].filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const run = runCli(['validate', ...files]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
