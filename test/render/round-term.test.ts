import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildReportModel } from '../../src/core/model/build-model.js';
import type { ReportModel } from '../../src/core/model/types.js';
import { validateCaseText } from '../../src/core/validate/validate-case.js';
import { ENGLISH, translator, type RoundTerm, type Translator } from '../../src/text/translator.js';
import { BUILT_IN, EXAMPLES_DIR, EXTRAS, FIXTURES_DIR, FORMATS, compiledTemplate } from './render-case.js';

// `report.round_term`: every sentence, heading, label and chart text casereport writes about a
// round uses the case's word; only the case's own text may still say "round".

type Edit = (c: Record<string, unknown>) => void;

/** Two cases that between them take every message naming a round. */
const CASES: [name: string, file: string, edit: Edit][] = [
  // Rounds with and without labels, bands on the charts, the facility named in the introduction,
  // the time from onset to the first round.
  [
    'every-field',
    join(FIXTURES_DIR, 'every-field.yaml'),
    (c) => {
      c.facility = { name: 'Klinik Nord', country: 'Germany' };
      // A date for the first round, which began so long after onset.
      (c.rounds as Record<string, unknown>[])[0]!.start = '2020-03-01';
    },
  ],
  // One round, no assessment before it, a chart whose points are not placed in time (no bands).
  [
    'minimal',
    join(EXAMPLES_DIR, 'minimal.yaml'),
    (c) =>
      (c.assessments = [
        { id: 'pain-1', instrument: 'nrs-pain', date: '2023-01-10', score: 6 },
        { id: 'pain-2', instrument: 'nrs-pain', date: '2023-03-10', score: 4 },
      ]),
  ],
];

interface Rendered {
  /** Every output: each built-in template in each text format, and the JSON model. */
  outputs: Map<string, string>;
  model: ReportModel;
  /** The case's own text, which may say anything. */
  data: string[];
  /** The keys of the messages formatted. */
  used: Set<string>;
}

/** A translator that records the keys of the messages it formats. */
function recording(tr: Translator, used: Set<string>): Translator {
  return {
    locale: tr.locale,
    list: tr.list,
    t: (key, values) => (used.add(key), tr.t(key, values)),
    withRoundTerm: (term) => recording(tr.withRoundTerm(term), used),
  };
}

function renderCase(file: string, edit: Edit, term: RoundTerm | undefined): Rendered {
  const c = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(c);
  if (term !== undefined) c.report = { ...(c.report as object | undefined), round_term: term };
  const result = validateCaseText(stringify(c));
  if (!result.ok) throw new Error(`invalid case: ${JSON.stringify(result.issues)}`);
  const used = new Set<string>();
  const tr = recording(translator(), used);
  const model = buildReportModel(result.value.caseFile, result.value.instruments, tr);
  const outputs = new Map<string, string>();
  for (const template of BUILT_IN)
    for (const format of FORMATS)
      outputs.set(`${template}.${format}`, compiledTemplate(template).render(format, model, { ...EXTRAS, translator: tr }));
  outputs.set('json', JSON.stringify(model, null, 2));
  return { outputs, model, data: strings(result.value.caseFile), used };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=' };

/** The text a reader sees: no markup, styles, images or JSON keys; the model's own input left out. */
function readable(name: string, output: string): string {
  if (name === 'json') {
    // The model's input is the case; a kind (`round-start`) is a name for programs, not a word.
    const model = JSON.parse(output, (key, value: unknown) => (['input', 'kind', 'data_uri'].includes(key) ? undefined : value)) as unknown;
    return strings(model)
      .map((s) => readable('svg', s))
      .join('\n');
  }
  return output
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/data:[a-z/+]+;base64,[A-Za-z0-9+/=]+/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#?\w+);/g, (m, entity: string) => ENTITIES[entity] ?? m);
}

/** The words "round" and "rounds" casereport wrote: in the outputs, less the case's own text. */
function roundsLeft({ outputs, data }: Rendered): string[] {
  const ownText = [...new Set(data)].filter((s) => s.trim() !== '').sort((a, b) => b.length - a.length);
  return [...outputs].flatMap(([name, output]) => {
    let text = readable(name, output);
    for (const s of ownText) text = text.split(s).join(' ');
    return [...text.matchAll(/.{0,30}\brounds?\b.{0,30}/gi)].map((m) => `${name}: ${m[0]}`);
  });
}

/** The messages whose words name a round. */
const NAMING_A_ROUND = Object.entries(ENGLISH.messages)
  .filter(([, message]) => /\{(term|terms|Term|Terms)\}/.test(message))
  .map(([key]) => key);

describe('report.round_term', () => {
  const phase = CASES.map(([, file, edit]) => renderCase(file, edit, 'phase'));
  const text = (rendered: Rendered[]) => rendered.flatMap((r) => [...r.outputs].map(([name, output]) => readable(name, output))).join('\n');

  it('takes every message that names a round through these cases', () => {
    const used = new Set(phase.flatMap((r) => [...r.used]));
    expect(NAMING_A_ROUND.length).toBeGreaterThan(15);
    expect(NAMING_A_ROUND.filter((key) => !used.has(key))).toEqual([]);
  });

  it('names rounds by a word, its plural made with "s", in md, html and json', () => {
    const all = text(phase);
    for (const expected of [
      'Phase 1 begins', // the default label, in the timeline
      'received two phases of', // the abstract
      'received 2 phases of treatment at Klinik Nord', // the introduction
      'After phase', // the adverse events' column
      'the first treatment phase',
      'Days since the start of the first phase', // a chart's axis
      'Phases shaded: Phase 1 (day 0 to 10)', // a chart's description
      'The phases are not drawn',
      '2 phases', // at a glance
      'The interventions of this phase are not described.',
    ])
      expect(all).toContain(expected);
    for (const r of phase) expect(r.outputs.get('json')).toContain('"label": "Phase 1"');
    // every-field's charts are drawn by day, the first round's band labelled.
    const svg = phase[0]?.model.charts[0]?.svg ?? '';
    expect(svg).toContain('>Days since the start of the first phase<');
    expect(svg).toContain('>Phase 1<');
  });

  it('leaves no generated "round" anywhere, only the case’s own text', () => {
    expect(phase.flatMap(roundsLeft)).toEqual([]);
  });

  it('takes the singular and plural where the plural is not made with "s"', () => {
    const rendered = CASES.map(([, file, edit]) => renderCase(file, edit, { one: 'therapy', other: 'therapies' }));
    const all = text(rendered);
    for (const expected of ['Therapy 1 begins', 'received two therapies of', 'Therapies shaded: Therapy 1', '2 therapies', 'After therapy'])
      expect(all).toContain(expected);
    expect(all).not.toMatch(/therapys/i);
    expect(rendered.flatMap(roundsLeft)).toEqual([]);
  });

  it('takes {one: cycle, other: cycles}', () => {
    const rendered = CASES.map(([, file, edit]) => renderCase(file, edit, { one: 'cycle', other: 'cycles' }));
    const all = text(rendered);
    for (const expected of ['Cycle 1 begins', 'received two cycles of', 'Cycles shaded: Cycle 1', 'first treatment cycle'])
      expect(all).toContain(expected);
    expect(rendered.flatMap(roundsLeft)).toEqual([]);
  });

  it('capitalizes a word that starts with a letter outside ASCII', () => {
    const [rendered] = CASES.map(([, file, edit]) => renderCase(file, edit, 'étape'));
    expect(rendered?.outputs.get('care.md')).toContain('Étape 1 begins');
  });

  it('keeps a case’s own labels of its rounds', () => {
    const [rendered] = CASES.map(([, file, edit]) => renderCase(file, edit, 'phase'));
    // every-field labels its second round "Second".
    expect(rendered?.model.rounds.map((r) => r.label)).toEqual(['Phase 1', 'Second']);
  });

  it('writes "round" by default, exactly as a case that says round_term: round', () => {
    for (const [, file, edit] of CASES) {
      const unset = renderCase(file, edit, undefined);
      const round = renderCase(file, edit, 'round');
      for (const name of BUILT_IN.flatMap((template) => FORMATS.map((format) => `${template}.${format}`)))
        expect(round.outputs.get(name), name).toBe(unset.outputs.get(name));
      expect(text([unset])).toContain('Round 1 begins');
    }
  });
});
