import { describe, expect, it } from 'vitest';
import { checkCase } from '../../../src/core/check/run-check.js';
import { buildReportModel } from '../../../src/core/model/build-model.js';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText, modelOf, validOrThrow } from '../../helpers/cases.js';
import { compiledTemplate, EXTRAS } from '../../render/render-case.js';

const SERIOUS = {
  event: 'Autonomic dysreflexia during electrical stimulation',
  day: 5,
  end_day: 7,
  serious: true,
  criteria: ['hospitalization'],
  grade: 3,
  causality: 'possible',
  expected: true,
  action_taken: 'interrupted',
  outcome: 'recovered',
};
const MILD = { event: 'Headache', day: 2, severity: 'mild', related: 'unlikely' };

const withEvents = (events: unknown[]) =>
  caseText((c) => {
    c.adverse_events = events;
  });

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};

describe('adverse events as pharmacovigilance defines them', () => {
  it('validate with seriousness, its criteria, CTCAE grade, WHO-UMC causality, expectedness, action taken, start and end', () => {
    expect(issuesOf(withEvents([SERIOUS, MILD]))).toEqual([]);
  });

  it('refuse `serious: maybe` at its line, naming the allowed values', () => {
    const text = withEvents([{ ...SERIOUS, serious: 'maybe' }]);
    const issue = issuesOf(text).find((i) => i.path.join('.') === 'adverse_events.0.serious');
    expect(issue?.message).toBe('expected true or false, found text `maybe`');
    expect(text.split('\n')[(issue?.line ?? 0) - 1]).toContain('serious: maybe');
  });

  it('refuse criteria without `serious: true`, `related` beside `causality`, two starts, and an end before the start', () => {
    const codes = issuesOf(
      withEvents([
        { event: 'a', day: 1, criteria: ['death'] },
        { event: 'b', day: 1, related: 'possible', causality: 'possible' },
        { event: 'c', day: 1, date: '2024-01-01', start: '2024-01-01' },
        { event: 'd', day: 5, end_day: 2 },
        { event: 'e', day: 1, grade: 6 },
        { event: 'f', day: 1, causality: 'definite' },
      ]),
    ).map((i) => `${i.path.join('.')} ${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'adverse_events.0.criteria criteria-not-serious',
        'adverse_events.1.related two-causalities',
        'adverse_events.2.start two-starts',
        'adverse_events.3.end_day event-order',
        'adverse_events.4.grade out-of-range',
        'adverse_events.5.causality invalid-value',
      ]),
    );
  });

  it('list a serious event first, count it, and show it apart in the report with its criteria, grade and causality', () => {
    const model = modelOf(withEvents([MILD, SERIOUS]));
    expect(model.adverse_events.items.map((e) => e.event)).toEqual([SERIOUS.event, MILD.event]);
    expect(model.adverse_events.serious).toBe(1);
    expect(model.adverse_events.text).toBe('2 adverse events were reported, 1 of them serious.');
    expect(model.adverse_events.items[0]?.until?.day).toBe(7);
    const md = compiledTemplate('care').render('md', model, EXTRAS);
    expect(md).toContain(
      `- **${SERIOUS.event}** (day 5 to day 7): hospitalization or its prolongation; grade 3 (CTCAE); possible (WHO-UMC); expected; treatment interrupted; recovered.`,
    );
    expect(md).toContain('| day 2 | Headache |');
    const html = compiledTemplate('care').render('html', model, EXTRAS);
    expect(html).toContain('<tr class="serious">');
    expect(html).toContain('Serious adverse events');
    expect(model.timeline.some((t) => t.text === `Serious adverse event: ${SERIOUS.event} (grade 3)`)).toBe(true);
  });

  it('make `check` name a serious event without outcome or causality', () => {
    const { outcome: _o, causality: _c, ...bare } = SERIOUS;
    const { caseFile, instruments } = validOrThrow(withEvents([bare]));
    const report = checkCase(caseFile, buildReportModel(caseFile, instruments));
    const item = report.care.find((i) => i.item === 10);
    expect(item?.status).not.toBe('reported');
    expect(item?.note).toContain(`adverse_events[0] (${SERIOUS.event}) is serious but has no \`outcome\` and no \`causality\``);
    const full = validOrThrow(withEvents([SERIOUS]));
    const fine = checkCase(full.caseFile, buildReportModel(full.caseFile, full.instruments)).care.find((i) => i.item === 10);
    expect(fine?.note ?? '').not.toContain('is serious but');
  });
});
