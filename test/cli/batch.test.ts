import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { childPids, isAlive, spawnCli } from '../helpers/spawn-cli.js';

/** A folder of `valid` cases (ids case-1 …) and `broken` ones with a typo on line 5. */
function caseFolder(valid: number, broken = 0): string {
  const dir = tempDir();
  const minimal = exampleText('minimal');
  for (let i = 1; i <= valid; i++) writeFileSync(join(dir, `case-${i}.yaml`), minimal.replace('id: minimal', `id: case-${i}`));
  for (let i = 1; i <= broken; i++) {
    writeFileSync(
      join(dir, `broken-${i}.yaml`),
      `casereport: 1\nid: broken-${i}\npatient:\n  label: X\n  sex: mal\ncondition:\n  name: SCI\nrounds:\n  - id: r1\nadverse_events: []\n`,
    );
  }
  return dir;
}

/** A folder of `count` copies of the richest example (ids rich-1 …): heavy cases for thread tests. */
function richCaseFolder(count: number): string {
  const dir = tempDir();
  const rich = exampleText('sci-assessments');
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, `rich-${i}.yaml`), rich.replace('id: sci-assessments', `id: rich-${i}`));
  return dir;
}

/** A Markdown report rendered with --provenance ends with its generator line, naming its own case: it was written whole. */
function expectWholeReport(file: string): void {
  const id = basename(file, '.md');
  expect(readFileSync(file, 'utf8').trimEnd(), file).toMatch(new RegExp(`from case file \`${id}\`\\.\\*$`));
}

/** pdfinfo succeeds only on a whole PDF. */
function isWholePdf(file: string): boolean {
  try {
    return /Pages:\s+\d+/.test(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

describe('batch rendering', () => {
  it('renders the 40 valid PDFs of a folder, reports the 5 broken cases with file and line, and exits non-zero', () => {
    const cases = caseFolder(40, 5);
    const out = tempDir();
    const run = runCli(['render', cases, '--format', 'pdf', '--out-dir', out]);
    expect(run.code).toBe(3);
    const pdfs = readdirSync(out);
    expect(pdfs).toHaveLength(40);
    expect(pdfs.every((f) => isWholePdf(join(out, f)))).toBe(true);
    for (let i = 1; i <= 5; i++) expect(run.stderr).toContain(`${join(cases, `broken-${i}.yaml`)}:5:8`);
    expect(run.stderr).toContain('40 rendered, 5 failed');
  });

  it('splits a batch into shards that together write every case exactly once', () => {
    const cases = caseFolder(30);
    const written: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const out = tempDir();
      expect(runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--shard', shard]).code).toBe(0);
      written.push(...readdirSync(out));
    }
    expect(written.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `case-${i + 1}.md`).sort());
  });

  it("refuses the later of two inputs that would write the same output, and keeps the first one's", () => {
    const cases = caseFolder(2);
    writeFileSync(
      join(cases, 'twin.yaml'),
      exampleText('minimal').replace('id: minimal', 'id: case-1').replace('label: Patient M', 'label: Twin'),
    );
    const out = join(tempDir(), 'out');
    const run = runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${join(cases, 'twin.yaml')}  would overwrite ${join(out, 'case-1.md')}, already written for ${join(cases, 'case-1.yaml')}`,
    );
    expect(readFileSync(join(out, 'case-1.md'), 'utf8')).not.toContain('Twin');
    // Run again: the first case's report is up to date, and the twin is still refused.
    const again = runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ skipped: 2, failed: 1 });
  });

  it('takes each id from the parsed file, not from a line that looks like one (no false clash)', () => {
    const cases = caseFolder(1);
    // A quoted title whose second line reads `id: case-1`, before the real id. Unindented, that
    // line is not valid YAML (it is a syntax error, located); indented, it is part of the title.
    const title = (indent: string): string =>
      `casereport: 1\ntitle: "A title that goes on\n${indent}id: case-1\n${indent}and ends here"\nid: tricky\n`;
    const body = exampleText('minimal').replace(/^[\s\S]*?patient:/m, 'patient:');
    writeFileSync(join(cases, 'tricky.yaml'), title('') + body);
    writeFileSync(join(cases, 'fine.yaml'), title('  ').replace('id: tricky', 'id: fine') + body);
    const out = tempDir();
    const run = runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out]);
    expect(run.stderr).not.toMatch(/overwrite|several inputs/);
    expect(run.stderr).toContain(`${join(cases, 'tricky.yaml')}:2:29`);
    expect(run.code).toBe(3);
    expect(readdirSync(out).sort()).toEqual(['case-1.md', 'fine.md']);
  });

  it('skips cases whose outputs are newer than the case and the template, unless --force', () => {
    const cases = caseFolder(3);
    const out = tempDir();
    expect(runCli(['render', cases, '--out-dir', out]).code).toBe(0);
    const again = runCli(['render', cases, '--out-dir', out, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 3, rendered: 0, skipped: 3, failed: 0 });
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(cases, 'case-2.yaml'), future, future);
    expect(JSON.parse(runCli(['render', cases, '--out-dir', out, '--json']).stdout)).toMatchObject({ rendered: 1, skipped: 2 });
    expect(JSON.parse(runCli(['render', cases, '--out-dir', out, '--json', '--force']).stdout)).toMatchObject({ rendered: 3, skipped: 0 });
  });

  it('mirrors the input folders with --name {dir}', () => {
    const cases = tempDir();
    mkdirSync(join(cases, 'clinic-a'));
    mkdirSync(join(cases, 'clinic-b'));
    writeFileSync(join(cases, 'clinic-a', 'p.yaml'), exampleText('minimal').replace('id: minimal', 'id: a-1'));
    writeFileSync(join(cases, 'clinic-b', 'p.yaml'), exampleText('minimal').replace('id: minimal', 'id: b-1'));
    const out = tempDir();
    expect(runCli(['render', cases, '--out-dir', out, '--name', '{dir}/{name}.{ext}']).code).toBe(0);
    expect(readFileSync(join(out, 'clinic-a', 'p.md'), 'utf8')).toContain('Patient M');
    expect(readdirSync(join(out, 'clinic-b'))).toEqual(['p.md']);
  });
});

describe('large text-only batches', () => {
  it('render on several threads from one queue: every valid case once, as one thread renders it, and each broken one reported', () => {
    const cases = caseFolder(240, 4);
    const out = tempDir();
    const run = runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--json', '--concurrency', '2']);
    expect(run.code).toBe(3);
    const summary = JSON.parse(run.stdout) as { failures: { file: string; issues: { line: number }[] }[] };
    expect(summary).toMatchObject({ total: 244, rendered: 240, failed: 4, not_started: 0, threads: 2 });
    expect(summary.failures.map((f) => [f.file, f.issues[0]?.line]).sort()).toEqual(
      [1, 2, 3, 4].map((i) => [join(cases, `broken-${i}.yaml`), 5]),
    );
    const written = readdirSync(out).sort();
    expect(written).toEqual(Array.from({ length: 240 }, (_, i) => `case-${i + 1}.md`).sort());

    const alone = tempDir();
    expect(
      JSON.parse(runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', alone, '--json', '--concurrency', '1']).stdout),
    ).toMatchObject({ rendered: 240, threads: 1 });
    for (const file of written) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(alone, file), 'utf8'));
  });

  it("refuse a second case that would overwrite another's report, whichever threads render the two", () => {
    // The clash is found while rendering, across threads: every output is recorded by the main
    // thread, in input order, so the later of the two is the one refused.
    const cases = caseFolder(240);
    const twin = exampleText('minimal').replace('id: minimal', 'id: >-\n  twin');
    writeFileSync(join(cases, 'a-twin.yaml'), twin);
    writeFileSync(join(cases, 'zz-twin.yaml'), twin.replace('label:', 'label: Second'));
    const out = tempDir();
    const run = runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--json', '--concurrency', '2']);
    expect(run.code).not.toBe(0);
    const summary = JSON.parse(run.stdout) as { rendered: number; failed: number; threads: number; failures: { message: string }[] };
    expect(summary).toMatchObject({ rendered: 241, failed: 1, threads: 2 });
    expect(summary.failures[0]?.message).toMatch(/would overwrite .*twin\.md, already written for .*a-twin\.yaml/);
    expect(readFileSync(join(out, 'twin.md'), 'utf8')).not.toContain('Second');
    expect(readdirSync(out).filter((f) => f.startsWith('twin'))).toEqual(['twin.md']);
  });

  it('skip up-to-date cases on threads too, and render the changed ones', () => {
    const cases = caseFolder(240);
    const out = tempDir();
    expect(runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--concurrency', '2']).code).toBe(0);
    for (const file of readdirSync(out)) utimesSync(join(out, file), new Date(), new Date()); // every output up to date
    const future = new Date(Date.now() + 60_000);
    const changed = [7, 120, 239];
    for (const i of changed) utimesSync(join(cases, `case-${i}.yaml`), future, future);
    writeFileSync(join(out, 'case-1.md'), 'kept'); // an up-to-date output is not written again
    utimesSync(join(out, 'case-1.md'), new Date(), new Date());
    const run = runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--json', '--concurrency', '2']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 240, rendered: 3, skipped: 237, failed: 0, not_started: 0, threads: 2 });
    expect(readFileSync(join(out, 'case-1.md'), 'utf8')).toBe('kept');
    for (const i of changed) expectWholeReport(join(out, `case-${i}.md`));
  });

  it('leave a small folder to one thread', () => {
    const run = runCli([
      'render',
      caseFolder(12),
      '--format',
      'md',
      '--provenance',
      '--out-dir',
      tempDir(),
      '--json',
      '--concurrency',
      '2',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rendered: 12, threads: 1 });
  });

  it.each([
    ['as it starts', '1'],
    // Here a 16 MB helper loads, then runs out on its first chunk of rich cases, unless this thread
    // (slowed down by other tests, say) has taken every case by then: the outcome must be the same.
    ['in the middle of the batch', '16'],
  ])('lose nothing when a render thread runs out of memory %s: the main thread renders its cases', (_when, heapMb) => {
    const cases = richCaseFolder(210);
    const out = tempDir();
    const run = runCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--json', '--concurrency', '2'], {
      env: { CASEREPORT_THREAD_HEAP_MB: heapMb },
    });
    expect(run.code).toBe(0);
    if (heapMb === '1') expect(run.stderr).toContain('a render thread stopped');
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 210, rendered: 210, failed: 0, not_started: 0 });
    expect(readdirSync(out).filter((f) => f.includes('.casereport-tmp-'))).toEqual([]); // not even the stopped thread's
    const reports = readdirSync(out).filter((f) => f.endsWith('.md'));
    expect(reports).toHaveLength(210);
    for (const report of reports) expectWholeReport(join(out, report));
  });

  it('stop every thread soon after the first failure with --fail-fast', () => {
    const cases = caseFolder(400, 1); // broken-1.yaml comes first
    const out = tempDir();
    const run = runCli([
      'render',
      cases,
      '--format',
      'md',
      '--provenance',
      '--out-dir',
      out,
      '--json',
      '--concurrency',
      '2',
      '--fail-fast',
    ]);
    expect(run.code).toBe(3);
    const summary = JSON.parse(run.stdout) as { total: number; rendered: number; failed: number; not_started: number };
    expect(summary.failed).toBe(1);
    expect(summary.not_started).toBeGreaterThan(0);
    expect(summary.rendered + summary.failed + summary.not_started).toBe(summary.total);
    expect(readdirSync(out)).toHaveLength(summary.rendered);
  });
});

describe('batch rendering under faults', () => {
  it('relaunches a killed Chromium and still writes every PDF whole, with no temporary files left', async () => {
    const cases = caseFolder(16);
    const out = tempDir();
    const run = spawnCli(['render', cases, '--format', 'pdf', '--out-dir', out, '--concurrency', '2']);
    await run.waitFor('wrote');
    const chromium = childPids(run.child.pid ?? -1);
    expect(chromium.length).toBeGreaterThan(0);
    for (const pid of chromium) process.kill(pid, 'SIGKILL');
    expect(await run.exit).toBe(0);
    const files = readdirSync(out);
    expect(files.sort()).toEqual(Array.from({ length: 16 }, (_, i) => `case-${i + 1}.pdf`).sort());
    expect(files.every((f) => isWholePdf(join(out, f)))).toBe(true);
  });

  it('keeps going when Chromium is killed again and again in the middle of a batch', async () => {
    const cases = caseFolder(40);
    const out = tempDir();
    const run = spawnCli(['render', cases, '--format', 'pdf', '--out-dir', out, '--concurrency', '2']);
    for (const written of [1, 10, 20]) {
      await run.waitFor(new RegExp(`(wrote[^\\n]*\\n){${written}}`));
      for (const pid of childPids(run.child.pid ?? -1)) process.kill(pid, 'SIGKILL');
    }
    expect(await run.exit).toBe(0);
    expect(run.stderr()).not.toMatch(/internal error|Unhandled|ECONNRESET|EPIPE/);
    const files = readdirSync(out);
    expect(files).toHaveLength(40);
    expect(files.every((f) => isWholePdf(join(out, f)))).toBe(true);
  });

  it('leaves only whole reports and no temporary files when Ctrl-C is pressed twice in a threaded text batch', async () => {
    const cases = richCaseFolder(1500);
    const out = tempDir();
    const run = spawnCli(['render', cases, '--format', 'md', '--provenance', '--out-dir', out, '--concurrency', '2']);
    await run.waitFor(/wrote[^\n]*rich-\d+\.md\n(.*\n){40}/);
    run.child.kill('SIGINT');
    run.child.kill('SIGINT'); // the second one: leave at once
    expect(await run.exit).toBe(130);
    const files = readdirSync(out);
    expect(files.filter((f) => f.includes('.casereport-tmp-'))).toEqual([]);
    const reports = files.filter((f) => f.endsWith('.md'));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.length).toBeLessThan(1500);
    for (const report of reports) expectWholeReport(join(out, report));
  });

  it('leaves at once with exit 130 (not killed by the signal) on a second Ctrl-C in a PDF batch, with no Chromium left', async () => {
    const cases = caseFolder(40);
    const out = tempDir();
    const run = spawnCli(['render', cases, '--format', 'pdf', '--out-dir', out, '--concurrency', '2']);
    await run.waitFor('wrote');
    const chromium = childPids(run.child.pid ?? -1);
    run.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(readdirSync(out).filter((f) => f.includes('.casereport-tmp-'))).toEqual([]);
    expect(readdirSync(out).every((f) => isWholePdf(join(out, f)))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const pid of chromium) expect(isAlive(pid)).toBe(false);
  });

  it('stops cleanly on Ctrl-C: exit 130, whole files only, no Chromium left behind', async () => {
    const cases = caseFolder(40);
    const out = tempDir();
    const run = spawnCli(['render', cases, '--format', 'pdf', '--out-dir', out, '--concurrency', '2']);
    await run.waitFor('wrote');
    const chromium = childPids(run.child.pid ?? -1);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const files = readdirSync(out);
    expect(files.length).toBeLessThan(40);
    expect(files.every((f) => f.endsWith('.pdf') && isWholePdf(join(out, f)))).toBe(true);
    expect(run.stderr()).toContain('not started');
    for (const pid of chromium) expect(isAlive(pid)).toBe(false);
  });
});
