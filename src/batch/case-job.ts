import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseIssue } from '../core/errors.js';
import type { ReportModel } from '../core/model/types.js';
import { validateCaseText } from '../core/validate/validate-case.js';
import { renderValidCase, type OutputFormat, type TextOutputFormat } from '../generate.js';
import type { CompiledTemplate } from '../render/compile-template.js';
import type { InputRef } from '../io/expand-inputs.js';
import { CaseReadError, readCaseSource, type CaseSource } from '../io/read-case.js';
import { PdfError } from '../pdf/errors.js'; // not the whole PDF layer: text formats must not load the browser driver
import type { PdfPrinter, PrintOptions } from '../pdf/index.js';
import { setPdfMetadata } from '../pdf/set-pdf-metadata.js';
import { withoutBidiControls } from '../render/isolate-bidi.js';
import { translator } from '../text/translator.js';
import { createFigureResolver } from '../io/figures.js';
import { outputsFor, type OutputSettings } from './outputs.js';
import { isUpToDate } from './up-to-date.js';

/** A case as the rest of a job names it: the name used in messages and its path (none for standard input). */
export type CaseName = Pick<CaseSource, 'name' | 'path'>;

/** Why one case failed; the job goes on with the others. */
export interface CaseFailure {
  /** The case; its text is there when `issues` are, to show the lines they point at. */
  source: CaseName & { text?: string };
  kind: 'invalid' | 'template' | 'timeout' | 'browser' | 'conflict' | 'write' | 'internal';
  message: string;
  issues?: CaseIssue[];
}

/** One rendered output, not yet written. */
export interface RenderedOutput {
  /** A report's format, or `chart` for a chart's file. */
  format: OutputFormat | 'chart';
  /** A file, or `-` for standard output. */
  target: string;
  content: string | Uint8Array;
}

/** What a case job needs: plain settings (they cross to render threads) and the compiled template. */
export interface CaseJobSettings extends OutputSettings {
  template: CompiledTemplate;
  generator: string;
  /** Render even when every output is newer than the case file and the template. */
  force: boolean;
  /** Newest modification time of the template's files, in ms. */
  templateMtime: number;
  printer?: PdfPrinter;
  print?: Pick<PrintOptions, 'pageSize' | 'margins' | 'timeoutMs'>;
  deidentify?: boolean;
  provenance?: boolean;
}

/** What became of one case. Outputs are listed in the order to write them: the report after its charts. */
export type CaseOutcome =
  | { status: 'rendered'; source: CaseName; outputs: RenderedOutput[]; warnings?: { text: string; issues: CaseIssue[] } }
  /** Its outputs (`targets`) are newer than the case file and the template. */
  | { status: 'skipped'; source: CaseName; targets: string[] }
  | { status: 'failed'; failure: CaseFailure };

/**
 * Reads, validates and renders one case to every requested format (PDF through the shared
 * printer), or skips it when its outputs are up to date. Never throws: whatever goes wrong is this
 * case's failure, and the job goes on with the others.
 */
export async function renderCaseJob(ref: InputRef, settings: CaseJobSettings): Promise<CaseOutcome> {
  const name = ref.kind === 'stdin' ? '<stdin>' : ref.path;
  let source: CaseSource;
  try {
    source = readCaseSource(ref);
  } catch (error) {
    const caseName = { name, ...(ref.kind === 'file' ? { path: ref.path } : {}) };
    if (error instanceof CaseReadError)
      return { status: 'failed', failure: { source: caseName, kind: 'invalid', message: error.message, issues: [error.toIssue()] } };
    return failed(caseName, 'internal', `internal error while reading the case file: ${errorText(error)}`);
  }
  try {
    return await renderSource(ref, source, settings);
  } catch (error) {
    // A bug, not the case file's fault: reported as such, for this case only.
    const { text: _text, ...caseName } = source;
    return failed(caseName, 'internal', `internal error: ${errorText(error)} (please report this as a bug)`);
  }
}

async function renderSource(ref: InputRef, source: CaseSource, settings: CaseJobSettings): Promise<CaseOutcome> {
  const { text, ...caseName } = source;
  const validation = validateCaseText(text);
  if (!validation.ok) return invalid(source, validation.issues);
  const id = validation.value.caseFile.id;
  const planned = outputsFor(ref, id, settings);
  if ('problem' in planned) return failed(caseName, 'conflict', planned.problem);
  const reports = planned.reports;
  if (!settings.force && settings.output === undefined && source.path !== undefined) {
    const casePath = source.path;
    const targets = reports.map((r) => r.target);
    if (isUpToDate(targets, () => statSync(casePath).mtimeMs, settings.templateMtime))
      return { status: 'skipped', source: caseName, targets };
  }
  const wantsPdf = settings.formats.includes('pdf');
  const wantsDocx = settings.formats.includes('docx');
  const textFormats = settings.formats.filter((f): f is TextOutputFormat => f !== 'pdf' && f !== 'docx');
  // PDF is printed from the HTML, Word built from the Markdown: render them where not asked for.
  const needed = [...textFormats, ...(wantsPdf ? (['html'] as const) : []), ...(wantsDocx ? (['md'] as const) : [])];
  const result = renderValidCase(validation.value, text, {
    template: settings.template,
    formats: [...new Set(needed)],
    generator: settings.generator,
    resolveFigure: createFigureResolver(source.path, () => planned.chartDir ?? settings.outDir),
    deidentify: settings.deidentify === true,
    provenance: settings.provenance === true,
    chartName: planned.chartName,
  });
  if (!result.ok) {
    return result.kind === 'invalid'
      ? invalid(source, result.issues)
      : failed(caseName, 'template', `template error: ${result.error.describe()}`);
  }
  const outputs: RenderedOutput[] = [];
  if (planned.chartDir !== undefined) {
    for (const [i, chart] of result.model.charts.entries())
      outputs.push({ format: 'chart', target: join(planned.chartDir, planned.chartName(i + 1) ?? ''), content: chart.svg });
  }
  if (planned.figureFile) {
    // PNG at 300 dpi by the Word writer's rasterizer, loaded only when asked for.
    const raster = settings.figures === 'png' ? await import('../docx/rasterize.js') : undefined;
    for (const chart of result.model.charts)
      outputs.push({ format: 'chart', target: planned.figureFile(chart.number), content: raster ? raster.chartPng(chart.svg) : chart.svg });
  }
  for (const { format, target } of reports) {
    if (format !== 'pdf' && format !== 'docx') outputs.push({ format, target, content: result.outputs.get(format) ?? '' });
  }
  const warnings = result.warnings.length > 0 ? { text, issues: result.warnings } : undefined;
  if (wantsDocx) {
    // Loaded on first use: Markdown, HTML and PDF batches never load the Word writer.
    const { buildDocx, reportImage } = await import('../docx/build-docx.js');
    const docx = await buildDocx(result.outputs.get('md') ?? '', {
      properties: { ...pdfMetadata(result.model), ...(result.model.input.report?.date ? { date: result.model.input.report.date } : {}) },
      image: (url) => reportImage(result.model, url),
      pageFooter: translator().t('docx.footer_page', { page: '\u0001', pages: '\u0002' }),
      ...(settings.template.docxStyles !== undefined ? { styles: settings.template.docxStyles } : {}),
    });
    outputs.push({ format: 'docx', target: reports.find((r) => r.format === 'docx')?.target ?? '', content: docx });
  }
  if (wantsPdf) {
    const printed = await printPdf(result.outputs.get('html') ?? '', result.model, settings);
    if ('failure' in printed) return failed(caseName, printed.failure.kind, printed.failure.message);
    outputs.push({ format: 'pdf', target: reports.find((r) => r.format === 'pdf')?.target ?? '', content: printed.pdf });
    if (printed.warning) {
      const issue: CaseIssue = { code: 'pdf-metadata', message: printed.warning, path: [], severity: 'warning' };
      return { status: 'rendered', source: caseName, outputs, warnings: { text, issues: [...(warnings?.issues ?? []), issue] } };
    }
  }
  return { status: 'rendered', source: caseName, outputs, ...(warnings ? { warnings } : {}) };
}

type Printed = { pdf: Uint8Array; warning?: string } | { failure: Pick<CaseFailure, 'kind' | 'message'> };

/**
 * Prints the report's HTML and adds the document properties. When they cannot be added (a PDF of
 * an unexpected shape, from a future Chromium say), the PDF is kept as printed, with a warning.
 */
async function printPdf(html: string, model: ReportModel, settings: CaseJobSettings): Promise<Printed> {
  if (!settings.printer) throw new Error('PDF output needs a printer');
  let raw: Uint8Array;
  try {
    raw = await settings.printer.print(html, { ...settings.print, headerTitle: model.title, footerLeft: model.id });
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    const kind = error.code === 'RENDER_TIMEOUT' ? 'timeout' : 'browser';
    return { failure: { kind, message: `${error.message}${error.hint ? ` (${error.hint})` : ''}` } };
  }
  try {
    return { pdf: setPdfMetadata(raw, pdfMetadata(model)) };
  } catch (error) {
    return { pdf: raw, warning: `the PDF was written without its document properties (title, author, language): ${errorText(error)}` };
  }
}

/** The document properties (PDF and Word); case text loses its bidi controls, which viewers would apply to the whole field. */
function pdfMetadata(model: ReportModel): { title: string; author?: string; subject: string; keywords: string[]; language: string } {
  const plain = withoutBidiControls;
  const authors = (model.input.report?.authors ?? []).map((a) => plain(a.name));
  return {
    title: plain(model.title),
    ...(authors.length > 0 ? { author: authors.join(', ') } : {}),
    subject: `Case report: ${plain(model.condition_summary)}`,
    keywords: model.keywords.map(plain),
    language: model.language,
  };
}

function invalid(source: CaseSource, issues: CaseIssue[]): CaseOutcome {
  const failure: CaseFailure = { source, kind: 'invalid', message: `${issues.length} error(s) in the case file`, issues };
  return { status: 'failed', failure };
}

function failed(source: CaseName, kind: CaseFailure['kind'], message: string): CaseOutcome {
  return { status: 'failed', failure: { source, kind, message } };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
