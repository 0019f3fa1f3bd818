import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const CARE_NAMES = [
  'Title',
  'Key words',
  'Abstract',
  'Introduction',
  'Patient information',
  'Clinical findings',
  'Timeline',
  'Diagnostic assessment',
  'Therapeutic intervention',
  'Follow-up and outcomes',
  'Discussion',
  'Patient perspective',
  'Informed consent',
];

describe('casereport check', () => {
  let steven: ReturnType<typeof runCli>;
  beforeAll(() => {
    steven = runCli(['check', 'examples/steven-sci.yaml']);
  });

  it('lists all 13 CARE items of the Steven example, each with a status, and exits 0 without --strict', () => {
    expect(steven.stderr).toBe('');
    expect(steven.code).toBe(0);
    for (const [index, name] of CARE_NAMES.entries()) {
      const line = steven.stdout.split('\n').find((l) => l.trimStart().startsWith(`${index + 1}  ${name}`));
      expect(line, name).toMatch(/\s(reported|partial|missing|not-applicable)\s/);
    }
    expect(steven.stdout).toMatch(/13 {2}Informed consent +missing/);
    expect(steven.stdout).toContain('consent not stated');
  });

  it('prints the privacy findings, with the facility name as a warning', () => {
    expect(steven.stdout).toContain('Privacy: 0 errors, 5 warnings');
    expect(steven.stdout).toMatch(/warning {2}facility\.name {2}"Beijing Puhua International Hospital" {2}the treating facility is named/);
    expect(steven.stdout).toContain('hint:');
  });

  it('prints the honesty section: every change not measured, and the limitations the data shows', () => {
    expect(steven.stdout).toContain('Honesty');
    expect(steven.stdout).toContain('By source: 13 self-reported, 2 caregiver-reported, 0 clinician-observed, 0 measured');
    expect(steven.stdout.match(/\(not measured\)/g)).toHaveLength(15);
    expect(steven.stdout).toContain('Adverse events are not reported');
  });

  it('exits 3 with --strict when a CARE item is missing, and says why', () => {
    const run = runCli(['check', 'examples/steven-sci.yaml', '--strict']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Informed consent');
    expect(run.stderr).toContain('strict: a CARE item is missing or a privacy finding is an error');
  });

  it('exits 0 with --strict for a complete case without identifiers, and 3 for one full of them', () => {
    expect(runCli(['check', 'test/fixtures/check/complete.yaml', '--strict']).code).toBe(0);
    const identifiers = runCli(['check', 'test/fixtures/check/identifiers.yaml', '--strict']);
    expect(identifiers.code).toBe(3);
    expect(identifiers.stdout).toMatch(/error {4}patient\.history {2}"MRN: 00123456"/);
  });

  it('prints one JSON object per file with --json, with stable keys', () => {
    const run = runCli(['check', 'examples/steven-sci.yaml', 'examples/sci-assessments.yaml', '--json']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(results).toHaveLength(2);
    for (const result of results) expect(Object.keys(result)).toEqual(['file', 'valid', 'issues', 'fails_strict', 'report', 'words']);
    const [first] = results as {
      file: string;
      fails_strict: boolean;
      report: { care: { item: number; status: string }[]; privacy: { rule: string }[] };
    }[];
    expect(first?.file).toBe('examples/steven-sci.yaml');
    expect(first?.fails_strict).toBe(true);
    expect(first?.report.care.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(first?.report.privacy.map((f) => f.rule)).toContain('facility');
  });

  it('prints the validation errors of an invalid file and exits 3, also in JSON', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'casereport: 1\nid: bad\npatient:\n  label: X\n  sex: mal\ncondition:\n  name: SCI\nrounds:\n  - id: r1\nadverse_events: []\n',
    );
    const run = runCli(['check', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:5:8  patient.sex`);
    const json = runCli(['check', file, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject([{ file, valid: false, fails_strict: false, report: null }]);
    expect(runCli(['check', join(dir, 'none.yaml')]).code).toBe(3);
  });

  it('documents --strict and its exit code in the help, with examples', () => {
    const run = runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--strict');
    expect(run.stdout).toContain('exit with code 3');
    expect(run.stdout).toContain('$ casereport check examples/steven-sci.yaml');
  });
});
