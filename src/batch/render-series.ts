import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSeriesModel } from '../core/series/build-series.js';
import { patientsCsv } from '../core/series/csv.js';
import type { SeriesModel } from '../core/series/types.js';
import { loadSeries, type SeriesFileProblem } from '../io/read-series.js';
import { writeFileAtomic } from '../io/safe-write.js';
import type { PrintOptions } from '../pdf/print-templates.js';
import { withoutBidiControls } from '../render/isolate-bidi.js';
import { translator } from '../text/translator.js';
import { RenderSetupError } from './errors.js';
import { compileChosenTemplate } from './render-cases.js';
import { startPrinter } from './printer.js';

/** What `casereport series` can write. */
export const SERIES_FORMATS = ['md', 'html', 'json', 'csv', 'pdf', 'docx'] as const;
export type SeriesFormat = (typeof SERIES_FORMATS)[number];

export interface SeriesRenderOptions {
  /** The series file. */
  series: string;
  formats: readonly SeriesFormat[];
  outDir: string;
  /** A template `for` series: built-in name or folder (default `series`). */
  template?: string;
  browserPath?: string;
  print?: Omit<PrintOptions, 'headerTitle' | 'footerLeft' | 'metadata'>;
  generator?: string;
}

export type SeriesEvent = { kind: 'case'; file: string } | { kind: 'wrote'; path: string };

export type SeriesResult =
  { ok: true; model: SeriesModel; written: string[]; cases: number } | { ok: false; problems: SeriesFileProblem[] };

/**
 * Reads a series and its cases, builds the series model and writes the chosen outputs into
 * `outDir`, each atomically (an existing file is replaced only by a complete one), never over an
 * input. A series with any problem (in its own file or in a case it names) writes nothing and
 * returns every problem: a series with a case left out silently would misstate its denominators.
 */
export async function renderSeries(
  options: SeriesRenderOptions,
  events: { onEvent?: (event: SeriesEvent) => void } = {},
): Promise<SeriesResult> {
  const tr = translator();
  const loaded = await loadSeries(options.series, { translator: tr, onCase: (file) => events.onEvent?.({ kind: 'case', file }) });
  if (loaded.problems.length > 0 || !loaded.series) return { ok: false, problems: loaded.problems };
  const model = buildSeriesModel(loaded.series, loaded.summaries, tr);
  const { template } = compileChosenTemplate(options.template ?? 'series', 'series');
  const outDir = resolve(options.outDir);
  const inputs = new Set([options.series, ...loaded.files].map(real));
  const written: string[] = [];
  const write = (name: string, data: string | Uint8Array): void => {
    const path = join(outDir, name);
    if (inputs.has(real(path))) throw new RenderSetupError(`\`${path}\` is an input of the series: not overwritten`, 'usage');
    writeFileAtomic(path, data, { within: outDir });
    written.push(path);
    events.onEvent?.({ kind: 'wrote', path });
  };
  const extras = { generator: options.generator ?? 'casereport', translator: tr };
  const formats = new Set(options.formats);
  if (formats.has('md')) {
    for (const chart of model.charts) write(chart.file, chart.svg);
    write(`${model.id}.md`, template.render('md', model, extras));
  }
  if (formats.has('html')) write(`${model.id}.html`, template.render('html', model, extras));
  if (formats.has('json')) write(`${model.id}.json`, `${JSON.stringify(model, null, 2)}\n`);
  if (formats.has('csv')) write(`${model.id}-patients.csv`, patientsCsv(model));
  if (formats.has('docx')) {
    // Loaded on first use, as for cases: the Word writer, from the same Markdown as the md output.
    const { buildDocx } = await import('../docx/build-docx.js');
    const docx = await buildDocx(template.render('md', model, extras), {
      properties: {
        title: withoutBidiControls(model.title),
        subject: tr.t('series.pdf_subject', { n: model.n_cases }),
        keywords: [],
        language: model.language,
      },
      image: (url) => {
        const chart = model.charts.find((c) => c.file === url);
        return chart ? { type: 'svg', data: Buffer.from(chart.svg, 'utf8') } : undefined;
      },
      pageFooter: tr.t('docx.footer_page', { page: '\u0001', pages: '\u0002' }),
      ...(template.docxStyles !== undefined ? { styles: template.docxStyles } : {}),
    });
    write(`${model.id}.docx`, docx);
  }
  if (formats.has('pdf')) {
    const html = template.render('html', model, extras);
    const started = await startPrinter({
      ...(options.browserPath ? { browserPath: options.browserPath } : {}),
      concurrency: 1,
      log: () => undefined,
    });
    try {
      const { setPdfMetadata } = await import('../pdf/set-pdf-metadata.js');
      const raw = await started.printer.print(html, { ...options.print, headerTitle: model.title, footerLeft: model.id });
      const plain = withoutBidiControls;
      write(
        `${model.id}.pdf`,
        setPdfMetadata(raw, {
          title: plain(model.title),
          subject: tr.t('series.pdf_subject', { n: model.n_cases }),
          keywords: [],
          language: model.language,
        }),
      );
    } finally {
      await started.dispose();
    }
  }
  return { ok: true, model, written, cases: model.n_cases };
}

function real(path: string): string {
  const full = resolve(path);
  try {
    return existsSync(full) ? realpathSync.native(full) : full;
  } catch {
    return full;
  }
}
