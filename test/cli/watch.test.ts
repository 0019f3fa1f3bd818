import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleText } from '../helpers/cases.js';
import { tempDir } from '../helpers/cli.js';
import { spawnCli, type BackgroundRun } from '../helpers/spawn-cli.js';

const running: BackgroundRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.child.kill('SIGKILL');
});

/** The minimal case with another patient label. */
const caseWith = (label: string, id = 'minimal'): string =>
  exampleText('minimal').replace('label: Patient M', `label: ${label}`).replace('id: minimal', `id: ${id}`);

/** Waits until `file` exists and holds `text`; fails after `ms`. */
async function untilFileHolds(file: string, text: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (existsSync(file) && readFileSync(file, 'utf8').includes(text)) return;
    await sleep(50);
  }
  throw new Error(`${file} never held "${text}"`);
}

/** The three ways editors save: in place, a new file renamed over the old, and delete then write. */
async function editEveryWay(file: string, report: string, id = 'minimal'): Promise<void> {
  writeFileSync(file, caseWith('Edited In Place', id));
  await untilFileHolds(report, 'Edited In Place');
  writeFileSync(`${file}.swp`, caseWith('Saved By Rename', id));
  renameSync(`${file}.swp`, file);
  await untilFileHolds(report, 'Saved By Rename');
  rmSync(file);
  await sleep(400); // missing for a moment, longer than the watcher waits for changes to settle
  writeFileSync(file, caseWith('Back Again', id));
  await untilFileHolds(report, 'Back Again');
}

describe('render --watch', () => {
  it('renders a case file again however it is saved, and exits 130 on Ctrl-C', async () => {
    const dir = tempDir();
    const file = join(dir, 'case.yaml');
    writeFileSync(file, caseWith('First'));
    const out = join(dir, 'out');
    const run = spawnCli(['render', file, '--watch', '--out-dir', out]);
    running.push(run);
    await run.waitFor('watching for changes');
    expect(readFileSync(join(out, 'minimal.md'), 'utf8')).toContain('First');
    await editEveryWay(file, join(out, 'minimal.md'));
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.stderr()).not.toMatch(/error|overwrite/i);
  });

  it('renders a changed case of a folder again, without calling it a clash with itself', async () => {
    const dir = tempDir();
    const cases = join(dir, 'cases');
    mkdirSync(join(cases, 'sub'), { recursive: true });
    writeFileSync(join(cases, 'a.yaml'), caseWith('Alpha', 'case-a'));
    writeFileSync(join(cases, 'sub', 'b.yaml'), caseWith('Beta', 'case-b'));
    const out = join(dir, 'out');
    const run = spawnCli(['render', cases, '--watch', '--out-dir', out, '--name', '{dir}/{id}.{ext}']);
    running.push(run);
    await run.waitFor('watching for changes');
    await editEveryWay(join(cases, 'sub', 'b.yaml'), join(out, 'sub', 'case-b.md'), 'case-b');
    expect(readFileSync(join(out, 'case-a.md'), 'utf8')).toContain('Alpha');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.stderr()).not.toMatch(/error|overwrite/i);
  });

  it("refuses an edit that gives a case another case's id, and keeps the other case's report", async () => {
    const dir = tempDir();
    const cases = join(dir, 'cases');
    mkdirSync(cases);
    writeFileSync(join(cases, 'a.yaml'), caseWith('Alpha', 'case-a'));
    writeFileSync(join(cases, 'b.yaml'), caseWith('Beta', 'case-b'));
    const out = join(dir, 'out');
    const run = spawnCli(['render', cases, '--watch', '--out-dir', out]);
    running.push(run);
    await run.waitFor('watching for changes');
    writeFileSync(join(cases, 'a.yaml'), caseWith('Alpha Edited', 'case-b'));
    await run.waitFor('changed: 0 rendered, 1 failed');
    expect(run.stderr()).toContain(`would overwrite ${join(out, 'case-b.md')}, already written for ${join(cases, 'b.yaml')}`);
    expect(readFileSync(join(out, 'case-b.md'), 'utf8')).toContain('Beta');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
  });

  it('renders everything again when the template changes, and keeps watching after a template mistake', async () => {
    const dir = tempDir();
    const file = join(dir, 'case.yaml');
    writeFileSync(file, caseWith('Gamma'));
    const template = join(dir, 'tpl');
    mkdirSync(template);
    writeFileSync(join(template, 'template.json'), JSON.stringify({ name: 'mine', formats: { md: 'report.md.hbs' } }));
    writeFileSync(join(template, 'report.md.hbs'), 'One: {{input.patient.label}}\n');
    const out = join(dir, 'out');
    const run = spawnCli(['render', file, '--watch', '--template', template, '--out-dir', out]);
    running.push(run);
    await run.waitFor('watching for changes');
    writeFileSync(join(template, 'report.md.hbs'), 'Two: {{input.patient.labl}}\n');
    await sleep(1500);
    writeFileSync(join(template, 'report.md.hbs'), 'Three: {{input.patient.label}}\n');
    await untilFileHolds(join(out, 'minimal.md'), 'Three: Gamma');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
  });
});
