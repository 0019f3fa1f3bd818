import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, ROOT } from '../helpers/cases.js';
import { tempDir, type CliRun } from '../helpers/cli.js';

/**
 * Runs the built CLI and kills it with SIGKILL after a few seconds. A process blocked reading a FIFO
 * ignores SIGTERM (the CLI handles that signal in JavaScript, which a blocked read never lets run),
 * so the usual helper could wait for ever; here a hang shows as `code: null`.
 */
function runQuickly(args: string[], cwd: string): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'casereport.js'), ...args], {
    cwd,
    input: '',
    encoding: 'utf8',
    env,
    timeout: 15_000,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr.toString()}`);
}

/** The minimal example with a `figures:` list appended; each figure on its own line, from line 11. */
function caseWithFigures(files: string[]): string {
  const figures = files.map((file) => `  - file: ${JSON.stringify(file)}\n    caption: ${JSON.stringify(`figure ${file}`)}`).join('\n');
  return `${exampleText('minimal').trimEnd()}\nfigures:\n${figures}\n`;
}

/** The line of `figures[i].file` in caseWithFigures' text. */
const figureLine = (text: string, file: string): number => text.split('\n').indexOf(`  - file: ${JSON.stringify(file)}`) + 1;

/** A folder with a case whose figures are everything `render` refuses, and one good image. */
function folderWithBadFigures(): { dir: string; file: string; text: string; bad: Record<string, string> } {
  const dir = tempDir();
  copyFileSync(join(ROOT, 'test', 'fixtures', 'figures', 'red-square.png'), join(dir, 'good.png'));
  writeFileSync(join(dir, 'fake.png'), 'not an image');
  mkdirSync(join(dir, 'a-folder.png'));
  mkfifo(join(dir, 'pipe.png'));
  const bad: Record<string, string> = {
    '../../../../etc/hostname': "is outside the case file's folder",
    'https://example.com/figure.png': 'is a URL',
    '/etc/hostname': 'must be a path relative to the case file',
    'missing.png': 'not found next to the case file',
    'fake.png': 'is not a PNG, JPEG, GIF or WebP image',
    'a-folder.png': 'is a folder, not an image file',
    'pipe.png': 'is a named pipe (FIFO), not a regular file',
  };
  const text = caseWithFigures(['good.png', ...Object.keys(bad)]);
  const file = join(dir, 'case.yaml');
  writeFileSync(file, text);
  return { dir, file, text, bad };
}

describe('figures: validate reports what render refuses', () => {
  it('validate reports each bad figure at its line and column, with exit 3, and passes the good one', () => {
    const { dir, file, text, bad } = folderWithBadFigures();
    const run = runQuickly(['validate', file], dir);
    expect(run.code, run.stderr).toBe(3);
    for (const [figure, message] of Object.entries(bad)) {
      const index = Object.keys(bad).indexOf(figure) + 1;
      expect(run.stderr).toContain(`${file}:${figureLine(text, figure)}:11  figures[${index}].file  figure \`${figure}\` ${message}`);
    }
    expect(run.stderr).not.toContain('good.png');
    expect(run.stderr).toContain(`${Object.keys(bad).length} errors`);
  });

  it('validate --json lists the figure issues with their lines', () => {
    const { dir, file, text, bad } = folderWithBadFigures();
    const run = runQuickly(['validate', '--json', file], dir);
    expect(run.code).toBe(3);
    const [result] = JSON.parse(run.stdout) as { valid: boolean; issues: { code: string; line: number }[] }[];
    expect(result?.valid).toBe(false);
    expect(result?.issues.map((i) => [i.code, i.line])).toEqual(Object.keys(bad).map((figure) => ['bad-figure', figureLine(text, figure)]));
  });

  it('render refuses the same figures with exit 3 (a folder no longer exits 1 with EISDIR), and writes nothing', () => {
    const { dir, file, bad } = folderWithBadFigures();
    const run = runQuickly(['render', file, '--format', 'html', '--out-dir', join(dir, 'out')], dir);
    expect(run.code, run.stderr).toBe(3);
    for (const message of Object.values(bad)) expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a case whose figures are all good validates and renders', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'img'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'figures', 'red-square.png'), join(dir, 'img', 'red.png'));
    writeFileSync(join(dir, 'case.yaml'), caseWithFigures(['img/red.png']));
    expect(runQuickly(['validate', 'case.yaml'], dir).code).toBe(0);
    const run = runQuickly(['render', 'case.yaml', '--format', 'html', '-o', 'out.html'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toContain('data:image/png;base64,');
  });
});

describe('FIFOs fail fast instead of hanging', () => {
  it('a FIFO figure: render and validate end at once with exit 3', () => {
    const dir = tempDir();
    mkfifo(join(dir, 'pipe.png'));
    writeFileSync(join(dir, 'case.yaml'), caseWithFigures(['pipe.png']));
    for (const args of [
      ['validate', 'case.yaml'],
      ['render', 'case.yaml', '--format', 'md,html', '--out-dir', 'out'],
    ]) {
      const run = runQuickly(args, dir);
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(3);
      expect(run.stderr).toContain('figure `pipe.png` is a named pipe (FIFO), not a regular file');
    }
  });

  it('a FIFO case file: validate, check, render and instruments end at once with exit 3 and say why', () => {
    const dir = tempDir();
    mkfifo(join(dir, 'pipe.yaml'));
    const commands = [
      ['validate', 'pipe.yaml'],
      ['check', 'pipe.yaml'],
      ['render', 'pipe.yaml', '--format', 'md', '--out-dir', 'out'], // planning peeks at the case's id
      ['render', 'pipe.yaml', '--format', 'md', '-o', 'out.md'],
      ['instruments', '--case', 'pipe.yaml'],
    ];
    for (const args of commands) {
      const run = runQuickly(args, dir);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(3);
      expect(run.stderr).toContain('cannot read pipe.yaml: it is a named pipe (FIFO), not a regular file');
      expect(run.stderr).toContain('give - and send it to standard input');
      expect(run.stderr).not.toContain('internal error');
    }
  });

  it('a folder or a glob that holds a FIFO named x.yaml does not hang: the regular case files are read', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cases'));
    mkfifo(join(dir, 'cases', 'x.yaml'));
    writeFileSync(join(dir, 'cases', 'ok.yaml'), exampleText('minimal'));
    for (const input of ['cases', 'cases/*.yaml']) {
      const run = runQuickly(['validate', input], dir);
      expect(run.code, `${input}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('valid cases/ok.yaml');
      const render = runQuickly(['render', input, '--format', 'md', '--out-dir', 'out', '--force'], dir);
      expect(render.code, `${input}: ${render.stderr}`).toBe(0);
    }
  });

  it('standard input may still be a pipe', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'case.yaml'), exampleText('minimal'));
    const run = spawnSync('sh', ['-c', `cat case.yaml | "${process.execPath}" "${join(ROOT, 'bin', 'casereport.js')}" validate -`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 15_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('valid <stdin>');
  });

  it('waits for a slow writer on standard input, to the end of what it writes', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'case.yaml'), exampleText('steven-sci'));
    const cli = `"${process.execPath}" "${join(ROOT, 'bin', 'casereport.js')}"`;
    const run = spawnSync('sh', ['-c', `(sleep 1; cat case.yaml) | ${cli} render - --format md --out-dir out`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 15_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'steven-sci.md'), 'utf8')).toContain('Steven');
  });

  it('reads standard input only up to the size limit, without waiting for its end', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'casereport.js'), 'validate', '-'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.on('error', () => {}); // EPIPE once the CLI has stopped reading
    // 3 MiB, and the pipe left open: a reader that waits for the end never finishes.
    child.stdin.write(`# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    clearTimeout(timer);
    child.stdin.destroy();
    expect(code, output).toBe(3);
    expect(output).toContain('[too-large]');
  });
});
