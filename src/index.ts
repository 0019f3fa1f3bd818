/** The programmatic API of casereport: the same functions the command line uses. */
export { renderCaseText, OUTPUT_FORMATS, EXTENSIONS } from './generate.js';
export type { CaseRender, OutputFormat, RenderTextOptions, TextOutputFormat } from './generate.js';
export { validateCaseText } from './core/validate/validate-case.js';
export type { ValidCase, ValidationResult } from './core/validate/validate-case.js';
export { buildReportModel } from './core/model/build-model.js';
export type { ReportModel } from './core/model/types.js';
export type { CaseIssue } from './core/errors.js';
export { caseSchema } from './core/schema/case-schema.js';
export type { CaseFile } from './core/schema/case-schema.js';
export { compileTemplate } from './render/compile-template.js';
export { TemplateError } from './render/template-bundle.js';
export { loadTemplate, listBuiltInTemplates } from './io/load-template.js';
export { BUILT_IN_INSTRUMENTS } from './core/instruments/registry.js';
export { deriveIsncsci } from './core/isncsci/derive.js';
