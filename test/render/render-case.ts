import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportModel } from '../../src/core/model/build-model.js';
import type { ReportModel } from '../../src/core/model/types.js';
import { validateCaseText } from '../../src/core/validate/validate-case.js';
import { loadTemplate } from '../../src/io/load-template.js';
import { compileTemplate, type CompiledTemplate } from '../../src/render/compile-template.js';
import type { TextFormat } from '../../src/render/template-bundle.js';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');
export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');
export const EXAMPLES = ['steven-sci', 'sci-assessments', 'rehab-sci', 'minimal'] as const;
/** The examples and a fixture that takes every optional branch of the templates. */
export const ALL_CASES = [...EXAMPLES, 'every-field'] as const;
export const BUILT_IN = ['care', 'care-full', 'narrative', 'bmj-case-reports'] as const;
export const FORMATS: TextFormat[] = ['md', 'html'];
export const EXTRAS = { generator: 'casereport test' };

const compiled = new Map<string, CompiledTemplate>();

/** Loads and compiles a template once per test file. */
export function compiledTemplate(name: string): CompiledTemplate {
  let template = compiled.get(name);
  if (!template) {
    template = compileTemplate(loadTemplate(name));
    compiled.set(name, template);
  }
  return template;
}

/** Validates the text of a case file and builds its report model; fails loudly on any issue. */
export function modelFromText(text: string): ReportModel {
  const result = validateCaseText(text);
  if (!result.ok) throw new Error(`invalid case: ${JSON.stringify(result.issues, null, 2)}`);
  return buildReportModel(result.value.caseFile, result.value.instruments);
}

/** The model of an example (examples/) or of a test fixture (test/render/fixtures/). */
export function exampleModel(name: string): ReportModel {
  const dir = (EXAMPLES as readonly string[]).includes(name) ? EXAMPLES_DIR : FIXTURES_DIR;
  return modelFromText(readFileSync(join(dir, `${name}.yaml`), 'utf8'));
}

export function render(template: string, format: TextFormat, model: ReportModel): string {
  return compiledTemplate(template).render(format, model, EXTRAS);
}

/** Handlebars' own HTML escaping, to predict how case text appears in HTML output. */
export function escapeHtml(text: string): string {
  const map: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#x27;',
    '`': '&#x60;',
    '=': '&#x3D;',
  };
  return text.replace(/[&<>"'`=]/g, (ch) => map[ch] ?? ch);
}

/** The `## ` headings of a Markdown document, in order. */
export function markdownSections(md: string): string[] {
  return [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1] ?? '');
}

/** The text of one `## ` section of a Markdown document, up to the next `## ` heading. */
export function markdownSection(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const rest = md.slice(start + heading.length + 5);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Occurrences of a literal string. */
export function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Headings immediately followed by a heading of the same or a higher level: an empty section. */
export function emptyMarkdownHeadings(md: string): string[] {
  const headings = md
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ line, level: /^(#{1,6}) /.exec(line)?.[1]?.length ?? 0 }));
  return headings
    .filter((h, i) => {
      const next = headings[i + 1];
      return h.level > 0 && (next === undefined || (next.level > 0 && next.level <= h.level));
    })
    .map((h) => h.line);
}

/** A small case whose free text tries to break out of Markdown, HTML and Handlebars. */
export const HOSTILE = '<script>alert(1)</script> <img src="file:///etc/passwd"> {{@css}} | pipe | **bold**';

export function hostileCaseText(): string {
  const s = JSON.stringify(HOSTILE); // a JSON string is a valid YAML double-quoted scalar
  return [
    'casereport: 1',
    'id: hostile',
    `keywords: [${s}, "second"]`,
    'patient:',
    `  label: ${s}`,
    'condition:',
    '  name: Spinal cord injury',
    'rounds:',
    '  - id: round-1',
    `    notes: ${s}`,
    '    observations:',
    '      - domain: motor',
    '        change: improved',
    `        finding: ${s}`,
    '        source: patient',
    'adverse_events: []',
    '',
  ].join('\n');
}
