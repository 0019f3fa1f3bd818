import { dirname, join } from 'node:path';
import type { CaseIssue } from '../core/errors.js';
import type { ReportModel } from '../core/model/types.js';
import { EXTENSIONS, renderCaseText, type OutputFormat, type TextOutputFormat } from '../generate.js';
import type { CompiledTemplate } from '../render/compile-template.js';
import type { InputRef } from '../io/expand-inputs.js';
import { CaseReadError, readCaseSource, type CaseSource } from '../io/read-case.js';
import { PdfError } from '../pdf/errors.js'; // not the whole PDF layer: text formats must not load the browser driver
import type { PdfPrinter, PrintOptions } from '../pdf/index.js';
import { createFigureResolver } from '../io/figures.js';
import { outputPath, sourceParts } from './output-names.js';

/** Why one case failed; the batch goes on with the others. */
export interface CaseFailure {
  /** The case; its text is there when `issues` are, to show the lines they point at. */
  source: Omit<CaseSource, 'text'> & { text?: string };
  kind: 'invalid' | 'template' | 'timeout' | 'browser' | 'conflict' | 'output';
  message: string;
  issues?: CaseIssue[];
}

/** One rendered output, not yet written. */
export interface RenderedOutput {
  format: OutputFormat;
  target: string;
  content: string | Uint8Array;
}

export interface CaseJobSettings {
  formats: readonly OutputFormat[];
  template: CompiledTemplate;
  generator: string;
  outDir: string;
  namePattern: string;
  /** One output file for one case and one format (`-` for standard output). */
  output?: string;
  printer?: PdfPrinter;
  print?: Pick<PrintOptions, 'pageSize' | 'margins' | 'timeoutMs'>;
  deidentify?: boolean;
}

export type CaseJobResult =
  | { ok: true; source: CaseSource; model: ReportModel; outputs: RenderedOutput[]; warnings: CaseIssue[] }
  | { ok: false; failure: CaseFailure };

/** Reads, validates and renders one case to every requested format (PDF through the shared printer). */
export async function renderCaseJob(ref: InputRef, settings: CaseJobSettings): Promise<CaseJobResult> {
  let source: CaseSource;
  try {
    source = readCaseSource(ref);
  } catch (error) {
    if (!(error instanceof CaseReadError)) throw error;
    return { ok: false, failure: { source: { name: error.input }, kind: 'invalid', message: error.message, issues: [error.toIssue()] } };
  }
  const wantsPdf = settings.formats.includes('pdf');
  const textFormats = settings.formats.filter((f): f is TextOutputFormat => f !== 'pdf');
  const needed: TextOutputFormat[] = wantsPdf && !textFormats.includes('html') ? [...textFormats, 'html'] : textFormats;
  const result = renderCaseText(source.text, {
    template: settings.template,
    formats: needed,
    generator: settings.generator,
    resolveFigure: createFigureResolver(source.path, (id) => dirname(targetFor(ref, settings, id, 'md'))),
    deidentify: settings.deidentify === true,
  });
  if (!result.ok) {
    return result.kind === 'invalid'
      ? { ok: false, failure: { source, kind: 'invalid', message: `${result.issues.length} error(s) in the case file`, issues: result.issues } }
      : { ok: false, failure: { source, kind: 'template', message: `template error: ${result.error.describe()}` } };
  }
  const { model } = result;
  const target = (format: OutputFormat): string => targetFor(ref, settings, model.id, format);
  const outputs: RenderedOutput[] = [];
  for (const format of settings.formats) {
    if (format === 'pdf') continue;
    const file = target(format);
    outputs.push({ format, target: file, content: result.outputs.get(format) ?? '' });
    // Markdown links its charts as .svg files beside it; HTML and PDF carry them inline.
    if (format === 'md' && file !== '-') {
      for (const chart of model.charts) outputs.push({ format, target: join(dirname(file), chart.file), content: chart.svg });
    }
  }
  if (wantsPdf) {
    if (!settings.printer) throw new Error('PDF output needs a printer');
    try {
      const pdf = await settings.printer.print(result.outputs.get('html') ?? '', {
        ...settings.print,
        headerTitle: model.title,
        footerLeft: model.id,
        metadata: pdfMetadata(model),
      });
      outputs.push({ format: 'pdf', target: target('pdf'), content: pdf });
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      const kind = error.code === 'RENDER_TIMEOUT' ? 'timeout' : error.code === 'RENDER_FAILED' ? 'output' : 'browser';
      return { ok: false, failure: { source, kind, message: `${error.message}${error.hint ? ` (${error.hint})` : ''}` } };
    }
  }
  return { ok: true, source, model, outputs, warnings: result.warnings };
}

/** Where one output of a case goes: `-o FILE`, or the `--name` pattern under the output folder. */
function targetFor(ref: InputRef, settings: CaseJobSettings, id: string, format: OutputFormat): string {
  if (settings.output !== undefined) return settings.output; // '-' (standard output) has dirname '.'
  const parts = { id, ...sourceParts(ref.kind === 'file' ? ref.path : undefined, ref.kind === 'file' ? ref.root : undefined) };
  return outputPath(settings.outDir, settings.namePattern, { ...parts, ext: EXTENSIONS[format] });
}

function pdfMetadata(model: ReportModel): PrintOptions['metadata'] {
  const authors = (model.input.report?.authors ?? []).map((a) => a.name);
  return {
    title: model.title,
    ...(authors.length > 0 ? { author: authors.join(', ') } : {}),
    subject: `Case report: ${model.conditionSummary}`,
    keywords: model.keywords,
    language: model.language,
  };
}
