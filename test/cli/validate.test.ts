import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const THREE_ERRORS = `casereport: 1
id: three-errors
patient:
  label: X
  sex: mal
  agee: 40
condition:
  name: Spinal cord injury
rounds:
  - id: r1
    start: 2023-13-01
adverse_events: []
`;

describe('casereport validate', () => {
  it('accepts every bundled example', () => {
    const run = runCli(['validate', 'examples']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/valid examples\/steven-sci\.yaml/);
  });

  it('prints all three unrelated errors with file:line:column, the line and a caret, and exits 3', () => {
    const dir = tempDir();
    const file = join(dir, 'three.yaml');
    writeFileSync(file, THREE_ERRORS);
    const run = runCli(['validate', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:5:8  patient.sex  \`mal\` is not allowed here`);
    expect(run.stderr).toContain('did you mean `male`?');
    expect(run.stderr).toContain(`${file}:6:3  patient.agee  unknown key \`agee\``);
    expect(run.stderr).toContain(`${file}:11:12  rounds[0].start  expected an ISO 8601 date`);
    expect(run.stderr).toContain('    5 |   sex: mal\n      |        ^');
    expect(run.stderr).toContain('3 errors');
    expect(run.stderr).not.toMatch(/at \w+ \(.*:\d+:\d+\)/); // no stack trace
  });

  it('locates a YAML syntax error and exits 3', () => {
    const dir = tempDir();
    const file = join(dir, 'syntax.yaml');
    writeFileSync(file, 'casereport: 1\nid: x\npatient:\n  label: "unclosed\n');
    const run = runCli(['validate', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`${file}:[45]:\\d+  \\(file\\)  YAML syntax error: Missing closing "quote`));
    expect(run.stderr).toContain('hint: a quoted text must end with the same quote');
  });

  it('reports a missing file and still checks the others', () => {
    const run = runCli(['validate', 'no/such/file.yaml', 'examples/minimal.yaml']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no/such/file.yaml  no such file or folder');
    expect(run.stdout).toContain('valid examples/minimal.yaml');
  });

  it('prints machine-readable results with --json', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), THREE_ERRORS);
    const run = runCli(['validate', '--json', join(dir, 'bad.yaml')]);
    expect(run.code).toBe(3);
    const results = JSON.parse(run.stdout) as { valid: boolean; issues: { line: number; code: string }[] }[];
    expect(results[0]?.valid).toBe(false);
    expect(results[0]?.issues.map((i) => i.line)).toEqual([5, 6, 11]);
  });

  it('reads standard input', () => {
    const run = runCli(['validate', '-'], { input: readFileSync('examples/minimal.yaml', 'utf8') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('valid <stdin>');
  });
});

describe('casereport init', () => {
  it('writes a case file that validates, with a $schema line that points at the shipped schema', () => {
    const dir = tempDir();
    const init = runCli(['init', 'new.yaml'], { cwd: dir });
    expect(init.code).toBe(0);
    const text = readFileSync(join(dir, 'new.yaml'), 'utf8');
    const ref = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
    expect(ref).toBeDefined();
    expect(JSON.parse(readFileSync(join(dir, ref as string), 'utf8')).title).toContain('casereport');
    expect(runCli(['validate', 'new.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('refuses to overwrite an existing file without --force (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'case.yaml'), 'keep me');
    const run = runCli(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'case.yaml'), 'utf8')).toBe('keep me');
  });
});
