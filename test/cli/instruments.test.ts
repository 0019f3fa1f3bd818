import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/core/instruments/registry.js';
import { BUILT_IN_INSTRUMENTS } from '../../src/core/instruments/registry.js';
import { caseText } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('casereport instruments', () => {
  it('lists every built-in with its short name, range, step, direction and threshold or the reason for none', () => {
    const run = runCli(['instruments']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Built-in instruments (21):');
    for (const i of BUILT_IN_INSTRUMENTS)
      expect(run.stdout, i.id).toMatch(new RegExp(`^${i.id}  ${i.short.replace(/[()]/g, '\\$&')}`, 'm'));
    expect(run.stdout).toContain(
      'scim-iii  SCIM III: Spinal Cord Independence Measure III (SCIM III)\n  range 0-100 in steps of 1, higher is better\n  subscores: self_care 0-20',
    );
    expect(run.stdout).toMatch(/MCID 4 points \(substantial: 10 points\); Scivoletto G et al\. 2013/);
    expect(run.stdout).toContain('  range 0-10 in steps of 0.5, higher is worse');
    expect(run.stdout).toMatch(
      /no MCID: no minimal clinically important difference is established for the ISNCSCI motor or sensory totals/,
    );
    expect(run.stdout).toContain('MCID 3.25 points for improvement, 4.63 points for worsening; Horváth K et al. 2015');
  });

  it('prints the registry as JSON with --json', () => {
    const run = runCli(['instruments', '--json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as Instrument[];
    expect(list.map((i) => i.id)).toEqual(BUILT_IN_INSTRUMENTS.map((i) => i.id));
    expect(list.find((i) => i.id === 'scim-iii')).toMatchObject({
      short: 'SCIM III',
      range: [0, 100],
      step: 1,
      higher_is_better: true,
      mcid: { value: 4, kind: 'mcid' },
    });
    expect(list.find((i) => i.id === 'isncsci')?.no_mcid_reason).toContain('ISNCSCI');
  });

  it('lists the rehabilitation measures with their scales and citations, in text and in JSON alike', () => {
    const run = runCli(['instruments']);
    expect(run.stdout).toContain('10mwt  10MWT: 10-metre walk test (10MWT)\n  range in m/s, from 0, no fixed maximum, higher is better');
    expect(run.stdout).toContain('MCID 0.05 m/s (substantial: 0.1 m/s); Perera S et al. 2006');
    expect(run.stdout).toContain('tug  TUG: Timed Up and Go (TUG)\n  range in s, from 0, no fixed maximum, higher is worse');
    expect(run.stdout).toContain('mas  MAS: Modified Ashworth Scale (MAS)\n  levels 0, 1, 1+, 2, 3, 4, higher is worse');
    expect(run.stdout).toContain('subscores: motor 13-91, cognitive 5-35');
    for (const id of ['6mwt', 'fact', 'barthel', 'fac', 'fugl-meyer-ue', 'fugl-meyer-le']) expect(run.stdout).toContain(`\n${id}  `);
    const list = JSON.parse(runCli(['instruments', '--json']).stdout) as Instrument[];
    expect(list.find((i) => i.id === '10mwt')).toMatchObject({ unit: 'm/s', min: 0, higher_is_better: true, mcid: { value: 0.05 } });
    expect(list.find((i) => i.id === '10mwt')?.range).toBeUndefined();
    expect(list.find((i) => i.id === 'tug')).toMatchObject({ unit: 's', higher_is_better: false, mcid: { value: 10.8, kind: 'mdc' } });
    expect(list.find((i) => i.id === 'mas')?.levels).toEqual(['0', '1', '1+', '2', '3', '4']);
    expect(list.find((i) => i.id === 'fim')?.subscores).toEqual({ motor: [13, 91], cognitive: [5, 35] });
    for (const i of list) expect(Boolean(i.mcid?.source) || Boolean(i.no_mcid_reason), i.id).toBe(true);
  });

  it('adds the instruments a case file defines with --case', () => {
    const dir = tempDir();
    const file = join(dir, 'grip.yaml');
    writeFileSync(
      file,
      caseText((c) => {
        c.instruments = [
          { id: 'grip', name: 'Grip strength', range: [0, 80], higher_is_better: true, mcid: 5, mcid_source: 'Example 2020', unit: 'kg' },
        ];
      }),
    );
    const text = runCli(['instruments', '--case', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Defined in ${file} (1):`);
    expect(text.stdout).toContain(
      'grip  Grip strength\n  range 0-80 in steps of 1 kg, higher is better\n  MCID 5 kg; Example 2020 (defined in the case file)',
    );
    const json = JSON.parse(runCli(['instruments', '--json', '--case', file]).stdout) as Instrument[];
    expect(json.at(-1)).toMatchObject({ id: 'grip', built_in: false, unit: 'kg', mcid: { value: 5, source: 'Example 2020' } });
  });

  it('exits 3 when the --case file is missing or invalid, without a stack trace', () => {
    const missing = runCli(['instruments', '--case', 'no-such-case.yaml']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('cannot read no-such-case.yaml');
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'casereport: 1\nid: Bad Id\n');
    const invalid = runCli(['instruments', '--case', file]);
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).toContain('is not a valid case file');
    expect(invalid.stderr).not.toMatch(/at \w+ \(.*:\d+:\d+\)/);
  });

  it('has help with examples', () => {
    const run = runCli(['instruments', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toContain('--case <file>');
    expect(run.stdout).toContain('$ casereport instruments --case examples/sci-assessments.yaml');
    expect(runCli(['--help']).stdout).toMatch(/instruments \[options\]\s+list the built-in instruments/);
  });
});
