import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';

/** ESC ] 0 ; ... BEL retitles a terminal window; ESC [ 2 J clears the screen; U+009B is CSI alone. */
const ESCAPES = '\\e]0;PWNED\\a\\e[2J\\x9b2J\\u202e';
const SHOWN = '\\x1b]0;PWNED\\x07\\x1b[2J\\x9b2J\\u202e';

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/;

function expectNoRawControls(run: CliRun): void {
  expect(run.stdout).not.toMatch(RAW);
  expect(run.stderr).not.toMatch(RAW);
}

/** A case with escape sequences in a value and in a key (YAML's "\e" is ESC, "\a" is BEL). */
const INVALID = `casereport: 1
id: escapes
patient:
  label: X
  sex: "${ESCAPES}"
  "${ESCAPES}": 40
condition:
  name: Spinal cord injury
rounds:
  - id: r1
adverse_events: []
`;

/** A valid case with escape sequences in its free text. */
const VALID = `casereport: 1
id: escapes
title: "Title ${ESCAPES}"
patient:
  label: "Patient ${ESCAPES}"
condition:
  name: Spinal cord injury
facility:
  name: "Clinic ${ESCAPES}"
rounds:
  - id: r1
    observations:
      - domain: motor
        change: improved
        finding: "moves ${ESCAPES}"
        source: patient
adverse_events: []
`;

describe('case text with terminal escape sequences', () => {
  const dir = tempDir();

  it('is shown, not obeyed, in validate messages (value, key, path, source line)', () => {
    const file = join(dir, 'invalid.yaml');
    writeFileSync(file, INVALID);
    const run = runCli(['validate', file]);
    expect(run.code).toBe(3);
    expectNoRawControls(run);
    expect(run.stderr).toContain(`patient.sex  \`${SHOWN}\` is not allowed here`);
    expect(run.stderr).toContain(`patient["\\u001b]0;PWNED\\u0007\\u001b[2J\\x9b2J\\u202e"]  unknown key \`${SHOWN}\``);
    expect(run.stderr).toContain(`    6 |   "${ESCAPES}": 40`);
    // The caret stays under the column it points at.
    expect(run.stderr).toContain(`    5 |   sex: "${ESCAPES}"\n      |        ^`);
  });

  it('is shown, not obeyed, in check reports and in --json output', () => {
    const file = join(dir, 'valid.yaml');
    writeFileSync(file, VALID);
    const run = runCli(['check', file]);
    expect(run.code).toBe(0);
    expectNoRawControls(run);
    expect(run.stdout).toContain(`Title ${SHOWN}`);
    expect(run.stdout).toContain(`"Clinic ${SHOWN}"`);
    expect(run.stdout).toContain(`moves ${SHOWN}`);
    const invalid = join(dir, 'invalid-too.yaml');
    writeFileSync(invalid, INVALID);
    for (const [command, input] of [
      ['check', file],
      ['validate', invalid],
    ] as const) {
      const json = runCli([command, input, '--json']);
      expectNoRawControls(json);
      expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b]0;PWNED\\u0007\\u001b[2J\u009b2J\u202e');
    }
  });

  it('is shown, not obeyed, in a file name and in the quoted line when the file holds raw control characters', () => {
    const file = join(dir, 'evil\x1b[2J\x07.yaml');
    writeFileSync(file, INVALID.replace('  sex: ', '  sexx: \x1b]0;PWNED\x07\t').replace(`  "${ESCAPES}": 40\n`, ''));
    const run = runCli(['validate', file]);
    expect(run.code).toBe(3);
    expectNoRawControls(run);
    expect(run.stderr).toContain('evil\\x1b[2J\\x07.yaml:5:3  patient.sexx  unknown key `sexx`');
    expect(run.stderr).toContain('    5 |   sexx: \\x1b]0;PWNED\\x07 "');
    const missing = runCli(['validate', join(dir, 'gone\x1b[2J.yaml')]);
    expectNoRawControls(missing);
    expect(missing.stderr).toContain('gone\\x1b[2J.yaml');
  });

  it('is shown, not obeyed, in render messages: failures, their summary, written files and --json', () => {
    const bad = join(dir, 'evil\x1b[2J.yaml');
    writeFileSync(bad, INVALID);
    const good = join(dir, 'good\x1b]0;X\x07.yaml');
    writeFileSync(good, VALID.replace('id: escapes', 'id: good'));
    const out = join(dir, 'out');
    const run = runCli(['render', bad, good, '--out-dir', out, '--name', '{name}.{ext}']);
    expect(run.code).toBe(3);
    expectNoRawControls(run);
    expect(run.stdout).toContain('wrote');
    expect(run.stdout).toContain('good\\x1b]0;X\\x07.md');
    expect(run.stderr).toContain('1 rendered, 1 failed');
    const json = runCli(['render', bad, good, '--out-dir', out, '--name', '{name}.{ext}', '--json', '--force']);
    expectNoRawControls(json);
    expect(JSON.parse(json.stdout)).toMatchObject({ rendered: 1, failed: 1 });
  });
});
