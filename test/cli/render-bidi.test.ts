import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseText } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { inspectPdf } from '../helpers/pdf.js';

describe('render: a right-to-left override in case text', () => {
  it('does not reverse the words casereport prints around it in the PDF', async () => {
    const dir = tempDir();
    const file = join(dir, 'bidi.yaml');
    // U+202E reverses all that follows it in its paragraph, unless something ends or isolates it.
    const text = caseText((c) => {
      c.id = 'bidi';
      (c.patient as Record<string, unknown>).label = '\u202eRTL-override';
    });
    writeFileSync(file, text);
    const run = runCli(['render', file, '--format', 'pdf', '--out-dir', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = (await inspectPdf(readFileSync(join(dir, 'bidi.pdf')))).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('This report describes RTL-override, a patient (age and sex not stated), who received 1 round of treatment.');
    expect(pdf).toContain('Condition: Spinal cord injury. It is reported to record');
    expect(pdf).toContain('Patient information');
    expect(pdf).not.toMatch(/edirrevo|tnemtaert|troper|yrujni/);
  });

  it('does not reorder the running header or the document title either', async () => {
    const dir = tempDir();
    const file = join(dir, 'bidi-title.yaml');
    // U+202B (right-to-left embedding) in the condition, which the title and the header are built from.
    writeFileSync(
      file,
      caseText((c) => {
        c.id = 'bidi-title';
        (c.condition as Record<string, unknown>).name = '\u202bspinal cord injury';
      }),
    );
    const run = runCli(['render', file, '--format', 'pdf', '--out-dir', dir]);
    expect(run.code).toBe(0);
    const facts = await inspectPdf(readFileSync(join(dir, 'bidi-title.pdf')));
    const firstLine = facts.text.split('\n').find((line) => line.trim() !== '') ?? '';
    expect(firstLine.trim()).toBe('Treatment for spinal cord injury: a case report');
    expect(facts.info['Title']).toBe('Treatment for spinal cord injury: a case report');
    expect(facts.info['Subject']).toBe('Case report: spinal cord injury');
  });
});
