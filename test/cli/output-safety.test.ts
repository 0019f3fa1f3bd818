import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, ROOT } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';

/** A folder holding one example case file, as `case.yaml` (or another name). */
function caseIn(example = 'minimal', name = 'case.yaml'): { dir: string; file: string } {
  const dir = tempDir();
  writeFileSync(join(dir, name), exampleText(example));
  return { dir, file: join(dir, name) };
}

describe('outputs never replace inputs', () => {
  it('refuses -o naming the case file itself, and leaves it as it was', () => {
    const { file } = caseIn();
    const run = runCli(['render', file, '-o', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`would overwrite the input file ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(exampleText('minimal'));
  });

  it('refuses --out-dir and --name that lead back to a case file, by its real path', () => {
    const { dir, file } = caseIn('minimal', 'notes.json');
    const other = join(tempDir(), 'link');
    symlinkSync(dir, other); // the same folder under another name
    const run = runCli(['render', join(other, 'notes.json'), '--format', 'json', '--out-dir', dir, '--name', '{name}.{ext}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('would overwrite the input file');
    expect(readFileSync(file, 'utf8')).toBe(exampleText('minimal'));
  });
});

describe('outputs stay inside the output folder', () => {
  it('refuses a --name that climbs out of it', () => {
    const { file } = caseIn();
    const base = tempDir();
    const out = join(base, 'a', 'b');
    const run = runCli(['render', file, '--out-dir', out, '--name', '../../escaped-{id}.{ext}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--name may not contain `..`');
    expect(readdirSync(base)).toEqual([]);
  });

  it('refuses to write through a link in the output folder that leads elsewhere', () => {
    const { file } = caseIn();
    const out = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(out, 'linked'));
    const run = runCli(['render', file, '--out-dir', out, '--name', 'linked/{id}.{ext}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside the output folder');
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('output places that cannot work are usage errors, not internal errors', () => {
  it.each([
    ['an output folder that is a file', (file: string, dir: string) => ['render', file, '--out-dir', join(dir, 'case.yaml')], 'is a file'],
    ['-o naming a folder', (file: string, dir: string) => ['render', file, '-o', dir], '-o names the folder'],
    [
      'an output folder that cannot be written',
      (file: string) => ['render', file, '--out-dir', '/proc/casereport-cannot-write'],
      'cannot write',
    ],
    ['a --timeout beyond what a timer can wait', (file: string) => ['render', file, '--format', 'pdf', '--timeout', '1e9'], 'too long'],
    ['margins larger than the page', (file: string) => ['render', file, '--format', 'pdf', '--margin', '300mm'], 'margins leave less than'],
  ])('%s', (_what, args, message) => {
    const { dir, file } = caseIn();
    const run = runCli(args(file, dir));
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(2);
  });
});

describe('standard output', () => {
  it.each(['md', 'json'])('stops quietly when its reader closes it early (%s)', (format) => {
    const cli = join(ROOT, 'bin', 'casereport.js');
    // Larger than a pipe's buffer (64 KiB), so that the write meets the closed pipe.
    const { file } = caseIn();
    writeFileSync(file, `${exampleText('minimal')}\nfollow_up:\n  notes: "${'A long note. '.repeat(12_000)}"\n`);
    const run = spawnSync(
      'bash',
      ['-c', `node "${cli}" render "${file}" --format ${format} -o - | head -c 10 >/dev/null; echo "exit \${PIPESTATUS[0]}"`],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(run.stdout.trim()).toBe('exit 0');
    expect(run.stderr).toBe('');
  });
});

describe('chart files are outputs like the others', () => {
  it('go beside -o FILE, named after it, and leave other files alone', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'examples', 'sci-assessments.yaml'), join(dir, 'case.yaml'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'sci-assessments-chart-1.svg'), 'mine');
    const run = runCli(['render', 'case.yaml', '-o', 'sub/report.md'], { cwd: dir });
    expect(run.code).toBe(0);
    const files = readdirSync(join(dir, 'sub')).sort();
    expect(files).toContain('report-chart-1.svg');
    expect(readFileSync(join(dir, 'sub', 'sci-assessments-chart-1.svg'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'sub', 'report.md'), 'utf8')).toContain('](report-chart-1.svg)');
    expect(run.stdout).toContain(`wrote ${join('sub', 'report-chart-1.svg')}`);
  });

  it('are inline when the Markdown goes to standard output, and no file is written', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'examples', 'sci-assessments.yaml'), join(dir, 'case.yaml'));
    const run = runCli(['render', 'case.yaml', '-o', '-'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/!\[[^\]]+\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    expect(run.stdout).not.toMatch(/\]\([^)]*\.svg\)/);
    expect(readdirSync(dir)).toEqual(['case.yaml']);
  });

  it('follow --name, so that two cases with the same id do not share chart files', () => {
    const dir = tempDir();
    for (const name of ['first', 'second']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, `${name}.yaml`), exampleText('sci-assessments').replace('label: Patient A', `label: ${name}`));
    }
    const out = tempDir();
    const run = runCli(['render', dir, '--out-dir', out, '--name', '{name}.{ext}']);
    expect(run.stderr).not.toContain('overwrite');
    expect(run.code).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('-chart-1.svg'))
        .sort(),
    ).toEqual(['first-chart-1.svg', 'second-chart-1.svg']);
    expect(existsSync(join(out, 'sci-assessments-chart-1.svg'))).toBe(false);
  });
});
