import type { CaseIssue } from './core/errors.js';
import { buildReportModel } from './core/model/build-model.js';
import { deidentifyModel } from './core/model/deidentify.js';
import type { ReportModel } from './core/model/types.js';
import { resolveFigures, type FigureLookup } from './core/figures.js';
import { locateIssues, validateCaseText, type ValidCase } from './core/validate/validate-case.js';
import type { CompiledTemplate } from './render/compile-template.js';
import { TemplateError } from './render/template-bundle.js';

import type { TextOutputFormat } from './formats.js';

export { EXTENSIONS, OUTPUT_FORMATS } from './formats.js';
export type { OutputFormat, TextOutputFormat } from './formats.js';

/** The outcome of turning one case file's text into outputs. */
export type CaseRender =
  | { ok: true; model: ReportModel; outputs: Map<TextOutputFormat, string>; warnings: CaseIssue[] }
  | { ok: false; kind: 'invalid'; issues: CaseIssue[] }
  | { ok: false; kind: 'template'; error: TemplateError };

/** Finds the image a case's figure names; I/O lives with the caller, so the core stays pure. */
export type FigureResolver = FigureLookup<{ data_uri: string; href: string }>;

export interface RenderTextOptions {
  template: CompiledTemplate;
  formats: readonly TextOutputFormat[];
  generator: string;
  /** Without one, figures are listed by caption but not shown. */
  resolveFigure?: FigureResolver;
  /** Dates as days from the first round, ages over 89 as "90 or older" (`render --deidentify`). */
  deidentify?: boolean;
  /**
   * The file name the Markdown report links chart n (from 1) by; undefined puts the chart inline,
   * as a data URI (for Markdown written to standard output). Default: `{id}-chart-{n}.svg`.
   */
  chartName?: (n: number) => string | undefined;
}

/** Validates a case file's text and renders it to each requested text format. Never throws for bad input. */
export function renderCaseText(text: string, options: RenderTextOptions): CaseRender {
  const validation = validateCaseText(text);
  if (!validation.ok) return { ok: false, kind: 'invalid', issues: validation.issues };
  return renderValidCase(validation.value, text, options);
}

/** Renders a case that passed validation (its text locates figure problems). Never throws for bad input. */
export function renderValidCase(valid: ValidCase, text: string, options: RenderTextOptions): CaseRender {
  const built = buildReportModel(valid.caseFile, valid.instruments);
  const model = options.deidentify ? deidentifyModel(built) : built;
  if (options.resolveFigure) {
    const issues = attachFigures(model, options.resolveFigure);
    if (issues.length > 0) return { ok: false, kind: 'invalid', issues: locateIssues(text, issues) };
  }
  if (options.chartName) {
    for (const [i, chart] of model.charts.entries()) chart.file = options.chartName(i + 1) ?? chart.data_uri;
  }
  const outputs = new Map<TextOutputFormat, string>();
  try {
    for (const format of options.formats) {
      outputs.set(
        format,
        format === 'json'
          ? `${JSON.stringify(model, null, 2)}\n`
          : options.template.render(format, model, { generator: options.generator }),
      );
    }
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, kind: 'template', error };
    throw error;
  }
  return { ok: true, model, outputs, warnings: valid.warnings };
}

function attachFigures(model: ReportModel, resolveFigure: FigureResolver): CaseIssue[] {
  const { found, issues } = resolveFigures(
    model.figures.map((f) => f.file),
    model.id,
    resolveFigure,
  );
  model.figures.forEach((figure, i) => Object.assign(figure, found[i]));
  return issues;
}
