import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCaseJob, type CaseJobSettings } from '../../src/batch/case-job.js';
import { loadTemplate } from '../../src/io/load-template.js';
import type { PdfPrinter } from '../../src/pdf/pdf-printer.js';
import { compileTemplate } from '../../src/render/compile-template.js';
import { exampleText } from '../helpers/cases.js';

/** A printer that "prints" what a future Chromium might: a PDF whose trailer casereport cannot read. */
const oddPrinter = { print: async () => new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n')) } as unknown as PdfPrinter;

function settings(outDir: string, printer: PdfPrinter): CaseJobSettings {
  return {
    formats: ['pdf'],
    outDir,
    namePattern: '{id}.{ext}',
    template: compileTemplate(loadTemplate('care')),
    generator: 'casereport test',
    force: true,
    templateMtime: 0,
    printer,
  };
}

describe('renderCaseJob', () => {
  it('keeps a PDF whose document properties cannot be added, with a warning, instead of failing the batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casereport-job-'));
    writeFileSync(join(dir, 'case.yaml'), exampleText('minimal'));
    const outcome = await renderCaseJob({ kind: 'file', path: join(dir, 'case.yaml') }, settings(dir, oddPrinter));
    expect(outcome.status).toBe('rendered');
    if (outcome.status !== 'rendered') return;
    expect(outcome.outputs.map((o) => o.target)).toEqual([join(dir, 'minimal.pdf')]);
    expect(Buffer.from(outcome.outputs[0]?.content ?? '').toString('latin1')).toMatch(/^%PDF-1\.7/);
    expect(outcome.warnings?.issues.map((i) => [i.code, i.severity])).toEqual([['pdf-metadata', 'warning']]);
  });

  it("reports a bug as this case's internal error, so that the others still render", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casereport-job-'));
    writeFileSync(join(dir, 'case.yaml'), exampleText('minimal'));
    const broken = {
      print: async () => {
        throw new TypeError('something is not a function');
      },
    } as unknown as PdfPrinter;
    const outcome = await renderCaseJob({ kind: 'file', path: join(dir, 'case.yaml') }, settings(dir, broken));
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { kind: 'internal', message: expect.stringContaining('something is not a function') },
    });
  });
});
