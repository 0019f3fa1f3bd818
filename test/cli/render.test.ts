import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleText, ROOT } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';

const CARE_HEADINGS = [
  '## Keywords',
  '## Abstract',
  '## Introduction',
  '## Patient information',
  '## Clinical findings',
  '## Timeline',
  '## Diagnostic assessment',
  '## Therapeutic intervention',
  '## Follow-up and outcomes',
  '## Adverse events',
  '## Discussion',
  '## Patient perspective',
  '## Informed consent',
];
const SOURCE_LABELS: Record<string, string> = {
  patient: 'self-reported',
  caregiver: 'caregiver-reported',
  clinician: 'clinician-observed',
  measured: 'measured',
};

describe('casereport render (text formats)', () => {
  it('writes the CARE report of the Steven example: sections in order, both rounds, every observation with its source', () => {
    const dir = tempDir();
    const run = runCli(['render', join(ROOT, 'examples', 'steven-sci.yaml'), '--format', 'md', '--out-dir', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    const md = readFileSync(join(dir, 'out', 'steven-sci.md'), 'utf8');
    let at = -1;
    for (const heading of CARE_HEADINGS) {
      const next = md.indexOf(`\n${heading}\n`, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    const c = parse(exampleText('steven-sci')) as { rounds: { label: string; observations?: { finding: string; source: string }[] }[] };
    for (const round of c.rounds) {
      expect(md).toContain(round.label);
      for (const o of round.observations ?? []) {
        const finding = o.finding.replace(/\s+/g, ' ').trim();
        const labelled = md.split('\n').some((l) => l.includes(finding) && l.includes(SOURCE_LABELS[o.source] ?? '?'));
        expect(labelled, `${finding} (${o.source})`).toBe(true);
      }
    }
  });

  it('writes the report model as JSON with outcomes as the contract describes', () => {
    const run = runCli(['render', 'examples/sci-assessments.yaml', '--format', 'json', '-o', '-']);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout) as {
      outcomes: Record<string, unknown>[];
      assessments: { instrument: string; derived: Record<string, unknown> | null }[];
    };
    const scim = model.outcomes.find((o) => o.instrument === 'scim-iii' && o.measure === 'score');
    expect(scim).toMatchObject({ higher_is_better: true, baseline: 32, latest: 41, change: 9, mcid: 4, meaningful: true });
    expect(scim?.mcid_source).toContain('Scivoletto');
    expect((scim?.points as unknown[]).length).toBe(3);
    const isncsci = model.assessments.filter((a) => a.instrument === 'isncsci');
    expect(isncsci.every((a) => a.derived && typeof a.derived.ais === 'string' && 'zpp' in a.derived)).toBe(true);
  });

  it('reads a case from standard input and writes to standard output', () => {
    const run = runCli(['render', '-', '--format', 'md', '-o', '-'], { input: exampleText('minimal') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Treatment for spinal cord injury: a case report/);
  });

  it('renders every bundled example with both templates and all text formats', () => {
    const out = tempDir();
    for (const template of ['care', 'narrative']) {
      const run = runCli(['render', 'examples', '--format', 'md,html,json', '--template', template, '--out-dir', join(out, template)]);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(readFileSync(join(out, 'narrative', 'steven-sci.md'), 'utf8')).toContain('What one case can and cannot show');
  });

  it('never replaces an existing output with a broken one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'minimal.md'), 'GOOD');
    writeFileSync(join(dir, 'broken.yaml'), exampleText('minimal').replace('label: Patient M', 'label: [unclosed'));
    const run = runCli(['render', join(dir, 'broken.yaml'), '--out-dir', dir]);
    expect(run.code).toBe(3);
    expect(readFileSync(join(dir, 'minimal.md'), 'utf8')).toBe('GOOD');
  });

  it('prints dates as days and old ages as "90 or older" with --deidentify', () => {
    const run = runCli(['render', 'examples/sci-assessments.yaml', '--format', 'md', '-o', '-', '--deidentify']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(run.stdout).toMatch(/day \d+/);
  });

  it('renders a case with warnings and shows them, located (ISNCSCI totals that disagree with the exam)', () => {
    const text = exampleText('sci-assessments');
    const at = text.indexOf('instrument: isncsci');
    const lineEnd = text.indexOf('\n', at);
    const withTotals = `${text.slice(0, lineEnd + 1)}    totals:\n      uems: 30\n${text.slice(lineEnd + 1)}`;
    const dir = tempDir();
    writeFileSync(join(dir, 'case.yaml'), withTotals);
    const run = runCli(['render', join(dir, 'case.yaml'), '--out-dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/case\.yaml:\d+:\d+ {2}assessments\[\d+\]\.totals\.uems {2}warning: totals give UEMS 30/);
  });

  it('refuses unknown formats and bad options with exit 2', () => {
    expect(runCli(['render', 'examples/minimal.yaml', '--format', 'odt']).code).toBe(2);
    expect(runCli(['render', 'examples/minimal.yaml', '--shard', '4/3']).code).toBe(2);
    expect(runCli(['render', 'examples/minimal.yaml', '--name', '{id}']).code).toBe(2);
    expect(runCli(['render']).code).toBe(2);
  });
});

describe('templates', () => {
  it('lists the built-in templates', () => {
    const run = runCli(['templates']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^care\s/m);
    expect(run.stdout).toMatch(/^narrative\s/m);
  });

  it('ejects a template that then renders, and names the file and line of a template mistake (exit 4)', () => {
    const dir = join(tempDir(), 'mine');
    expect(runCli(['templates', 'eject', 'care', dir]).code).toBe(0);
    expect(runCli(['render', 'examples/minimal.yaml', '--template', dir, '-o', '-']).code).toBe(0);
    const main = join(dir, 'report.md.hbs');
    writeFileSync(main, readFileSync(main, 'utf8').replace('# {{title}}', '# {{titel}}'));
    const run = runCli(['render', 'examples/minimal.yaml', '--template', dir, '-o', '-']);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/unknown field `titel` \(report\.md\.hbs:\d+:\d+\); did you mean `title`\?/);
  });
});

describe('schema, help and version', () => {
  it('prints the JSON Schema that ships in schema/case.schema.json', () => {
    const run = runCli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, 'schema', 'case.schema.json'), 'utf8')));
  });

  it('has help with examples on every command, and a version', () => {
    for (const command of ['render', 'validate', 'init', 'templates', 'schema', 'doctor', 'check', 'draft', 'instruments']) {
      const run = runCli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain('Examples:');
    }
    expect(runCli(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
