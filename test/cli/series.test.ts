import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { inspectPdf } from '../helpers/pdf.js';

const EXAMPLE = join(ROOT, 'examples', 'series', 'series.yaml');

/** The example series copied to a fresh folder, where a test may break it. */
function copyExample(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'examples', 'series'), dir, { recursive: true });
  return dir;
}

describe('casereport series', () => {
  it('renders the example series to md, html, json, csv and pdf', async () => {
    const out = tempDir();
    const run = runCli(['series', EXAMPLE, '--format', 'md,html,json,csv,pdf', '--out-dir', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const id = 'example-cell-therapy-series';
    const model = JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')) as {
      n_cases: number;
      flow: { included: number; time_points: { label: string; assessed: number; lost: number }[] };
      outcomes: { time_point: string; responders: unknown }[];
      adverse_events: { not_reported: string[]; with_serious: unknown };
      limitations: string[];
    };
    expect(model.n_cases).toBe(6);
    expect(model.flow.time_points.at(-1)).toMatchObject({ label: 'latest', assessed: 5, lost: 1 });
    expect(model.outcomes.find((o) => o.time_point === 'latest')?.responders).toEqual({
      k: 3,
      n: 5,
      proportion: 0.6,
      ci_low: 0.2307,
      ci_high: 0.8824,
    });
    expect(model.adverse_events).toMatchObject({ not_reported: ['p04'], with_serious: { k: 1, n: 5, ci_low: 0.0362, ci_high: 0.6245 } });
    const md = readFileSync(join(out, `${id}.md`), 'utf8');
    expect(md).toContain('- latest assessment: 5 assessed, 1 lost to follow-up (p03)');
    expect(md).toContain('3/5 (60%; 95% CI 23.1% to 88.2%)');
    expect(md).toContain(`![SCIM III: change from baseline, each case](${id}-chart-1.svg)`);
    expect(existsSync(join(out, `${id}-chart-2.svg`))).toBe(true);
    const csv = readFileSync(join(out, `${id}-patients.csv`), 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'id,label,age,sex,condition,baseline_ais,since_onset_days,interventions,rounds,follow_up_days,primary_change,adverse_events',
    );
    expect(csv[1]).toMatch(/^p01,Patient 1,34,male,/);
    expect(csv[3]).toMatch(/,,not-reported$|,none$/);
    const pdf = await inspectPdf(readFileSync(join(out, `${id}.pdf`)));
    expect(pdf.text).toContain('Flow of patients');
    expect(pdf.text).toContain('What this series cannot show');
    expect(pdf.info.Title).toContain('a case series');
  }, 120_000);

  it('writes a Word file that a real reader reads back: headings, tables and the two figures as images', () => {
    const out = tempDir();
    expect(runCli(['series', EXAMPLE, '--format', 'docx', '--out-dir', out]).code).toBe(0);
    const file = join(out, 'example-cell-therapy-series.docx');
    const json = JSON.parse(execFileSync('pandoc', ['-f', 'docx', '-t', 'json', file], { encoding: 'utf8' })) as {
      blocks: { t: string }[];
    };
    const kinds = JSON.stringify(json.blocks);
    expect(json.blocks.filter((b) => b.t === 'Table').length).toBeGreaterThanOrEqual(3);
    expect((kinds.match(/"t":"Image"/g) ?? []).length).toBe(2);
    const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
    expect(plain).toContain('Flow of patients');
    expect(plain).toContain('3/5 (60%; 95% CI 23.1% to 88.2%)');
  });

  it('fails on a missing case file and an invalid one, naming each with its line, and writes nothing', () => {
    const dir = copyExample();
    const series = join(dir, 'series.yaml');
    writeFileSync(series, readFileSync(series, 'utf8').replace('  - cases/', '  - cases/\n  - missing.yaml'));
    writeFileSync(
      join(dir, 'cases', 'p02.yaml'),
      readFileSync(join(dir, 'cases', 'p02.yaml'), 'utf8').replace('sex: female', 'sex: femail'),
    );
    const out = tempDir();
    const run = runCli(['series', series, '--format', 'md,json', '--out-dir', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/series\.yaml:8:5 +cases\[1\] +`missing\.yaml`: no such file or folder/);
    expect(run.stderr).toMatch(/p02\.yaml:6:8 +patient\.sex +`femail` is not allowed here/);
    expect(run.stderr).toContain('series not written: problems in 2 files');
    expect(existsSync(join(out, 'example-cell-therapy-series.md'))).toBe(false);
  });

  it('escapes case text in every output: a Markdown table row stays one row, HTML runs nothing, CSV opens no formula', () => {
    const dir = copyExample();
    const hostile = 'Pat | 1 *x* <script>alert(1)</script> =cmd';
    const p01 = join(dir, 'cases', 'p01.yaml');
    writeFileSync(p01, readFileSync(p01, 'utf8').replace('label: Patient 1', `label: "${hostile}"`));
    writeFileSync(
      join(dir, 'cases', 'p02.yaml'),
      readFileSync(join(dir, 'cases', 'p02.yaml'), 'utf8').replace('label: Patient 2', 'label: "=HYPERLINK(1)"'),
    );
    const out = tempDir();
    expect(runCli(['series', join(dir, 'series.yaml'), '--format', 'md,html,csv', '--out-dir', out]).code).toBe(0);
    const md = readFileSync(join(out, 'example-cell-therapy-series.md'), 'utf8');
    const row = md.split('\n').find((l) => l.startsWith('| Pat'));
    expect(row).toBe(
      '| Pat \\| 1 \\*x\\* \\<script\\>alert(1)\\</script\\> =cmd | 34, male | Traumatic spinal cord injury, cervical, incomplete | C | 14 months | 2 | 360 | +11 | none observed |',
    );
    const html = readFileSync(join(out, 'example-cell-therapy-series.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const csv = readFileSync(join(out, 'example-cell-therapy-series-patients.csv'), 'utf8');
    expect(csv).toContain("p02,'=HYPERLINK(1),51,female");
  });

  it('refuses a primary outcome no case could have: an unknown instrument, or a measure it lacks', () => {
    const dir = copyExample();
    const series = join(dir, 'series.yaml');
    writeFileSync(
      series,
      readFileSync(series, 'utf8').replace(
        '  - { instrument: scim-iii }',
        '  - { instrument: sicm-iii }\n  - { instrument: scim-iii, measure: mobilty }',
      ),
    );
    const run = runCli(['series', series, '--out-dir', tempDir()]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/series\.yaml:\d+:\d+ +primary_outcomes\[0\]\.instrument +unknown instrument `sicm-iii`/);
    expect(run.stderr).toContain('did you mean `scim-iii`?');
    expect(run.stderr).toMatch(/primary_outcomes\[1\]\.measure +SCIM III has no measure `mobilty`/);
    expect(run.stderr).toContain('did you mean `mobility`?');
  });

  it('refuses two cases with the same id', () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'cases', 'p07.yaml'), readFileSync(join(dir, 'cases', 'p06.yaml'), 'utf8'));
    const run = runCli(['series', join(dir, 'series.yaml'), '--out-dir', tempDir()]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/p07\.yaml.*case id `p06` is also the id of/);
  });

  it('writes a starting series file that validates, and never over an existing file', () => {
    const dir = tempDir();
    const file = join(dir, 'series.yaml');
    expect(runCli(['series', 'init', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('casereport_series: 1');
    expect(runCli(['series', 'init', file]).code).toBe(2);
  });

  it('validates and checks a series file: PROCESS, Kempen and Murad, in JSON too', () => {
    expect(runCli(['validate', EXAMPLE]).stdout).toContain('(series)');
    const run = runCli(['check', EXAMPLE, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { report: { items: { list: string; status: string; item: string }[] } };
    const lists = new Set(result.report.items.map((i) => i.list));
    expect([...lists]).toEqual(['PROCESS 2023', 'Kempen 2011', 'Murad 2018']);
    expect(result.report.items.find((i) => i.item.startsWith('4. Causality'))?.status).toBe('no');
    expect(result.report.items.find((i) => i.item === 'Adverse events and complications')?.status).toBe('partial');
  });

  it('prints the JSON Schema of series files that ships in schema/', () => {
    const run = runCli(['schema', '--series']);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, 'schema', 'series.schema.json'), 'utf8')));
  });

  it('tells a user who renders a series file as a case what it is, and leaves series files out of a folder of cases', () => {
    const run = runCli(['render', EXAMPLE, '--out-dir', tempDir()]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/series\.yaml:3:20 +casereport_series +this is a series file, not a case file/);
    const folder = runCli(['validate', join(ROOT, 'examples', 'series')]);
    expect(folder.code).toBe(0);
    expect(folder.stdout.match(/^valid /gm)).toHaveLength(6);
  });

  it('keeps series and case templates apart', () => {
    const run = runCli(['render', join(ROOT, 'examples', 'minimal.yaml'), '--template', 'series', '--out-dir', tempDir()]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('renders a case series');
  });
});
