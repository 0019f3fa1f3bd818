import { describe, expect, it } from 'vitest';
import { deidentifyModel } from '../../../src/core/model/deidentify.js';
import { caseText, exampleText, modelOf } from '../../helpers/cases.js';

const FULL_DATE = /\d{4}-\d{2}-\d{2}/;

/** A case with dates everywhere and a patient of 93; the first round starts 2023-03-06 (day 0). */
const DATED = caseText((c) => {
  c.report = { date: '2024-06-15' };
  c.patient = {
    label: 'Patient A',
    sex: 'female',
    age: 93,
    history: 'A 93-year-old; injured on 2022-06-12.',
    prior_interventions: [{ name: 'Surgery', date: '2022-06-13' }],
  };
  c.condition = { name: 'Spinal cord injury', onset: '2022-06-12' };
  c.rounds = [
    {
      id: 'round-1',
      start: '2023-03-06',
      end: '2023-05-26',
      interventions: [{ type: 'cell-therapy', name: 'Cells', product: { source: 'Bone marrow, harvested on 2023-02-13' } }],
      observations: [
        { domain: 'motor', change: 'improved', finding: 'stronger grip', source: 'patient', date: '2023-05' },
        {
          domain: 'function',
          change: 'improved',
          finding: 'SCIM III 32 to 41',
          source: 'measured',
          evidence: ['s0', 's1'],
          date: '2024-03-04',
        },
      ],
    },
    { id: 'round-2', start: '2023-09-04', end_day: 263 },
  ];
  c.assessments = [
    { id: 's0', instrument: 'scim-iii', date: '2023-03-01', score: 32 },
    { id: 's1', instrument: 'scim-iii', date: '2024-03-04', score: 41 },
  ];
  c.medications = [{ name: 'Pregabalin', change: 'increased', date: '2023-07-10' }];
  c.adverse_events = [{ event: 'Headache', date: '2023-03-07' }];
  c.follow_up = { date: '2024-03-04', notes: 'Last visit on 2024-03-04.' };
  c.events = [{ date: '2022-06-12', event: 'Injury' }];
  c.consent = { obtained: true, date: '2023-01-30' };
});

describe('deidentifyModel', () => {
  const model = modelOf(DATED);
  const before = JSON.stringify(model);
  const out = deidentifyModel(model);
  const json = JSON.stringify(out);

  it('leaves no full date anywhere, and does not change the model it was given', () => {
    expect(json).not.toMatch(FULL_DATE);
    expect(before).toMatch(FULL_DATE);
    expect(JSON.stringify(model)).toBe(before);
  });

  it('writes every time point as its day relative to the first round', () => {
    expect(out.onset).toMatchObject({ day: -267, text: 'day -267' });
    expect(out.onset?.date).toBeUndefined();
    expect(out.rounds.map((r) => [r.start?.text, r.end?.text])).toEqual([
      ['day 0', 'day 81'],
      ['day 182', 'day 263'],
    ]);
    expect(out.assessments.map((a) => a.when?.text)).toEqual(['day -5', 'day 364']);
    expect(out.observations.map((o) => o.when?.text)).toEqual(['day ~56', 'day 364']);
    expect(out.adverse_events.items[0]?.when?.text).toBe('day 1');
    expect(out.follow_up?.when?.text).toBe('day 364');
    expect(out.timeline.map((t) => t.when?.text)).toEqual(expect.arrayContaining(['day -267', 'day -5', 'day 1', 'day 126', 'day 364']));
    expect(out.outcomes[0]?.points.map((p) => [p.date, p.day])).toEqual([
      [undefined, -5],
      [undefined, 364],
    ]);
  });

  it('replaces the dates of the input by days, or by words where the date is partial', () => {
    const input = out.input;
    expect(input.rounds[0]).toMatchObject({ day: 0, end_day: 81 });
    expect(input.rounds[0]?.start).toBeUndefined();
    expect(input.rounds[1]).toMatchObject({ day: 182, end_day: 263 });
    expect(input.assessments?.map((a) => [a.date, a.day])).toEqual([
      [undefined, -5],
      [undefined, 364],
    ]);
    expect(input.rounds[0]?.observations?.[0]?.date).toBe('day ~56');
    expect(input.medications?.[0]?.day).toBe(126);
    expect(input.events?.[0]?.day).toBe(-267);
    expect(input.patient.prior_interventions?.[0]?.day).toBe(-266);
    expect(input.condition.onset).toBe('day -267');
    expect(input.rounds[0]?.interventions?.[0]?.product?.source).toBe('Bone marrow, harvested on day -21');
    expect(input.follow_up?.notes).toBe('Last visit on day 364.');
  });

  it('withholds the report and consent dates', () => {
    expect(out.input.report?.date).toBe('date withheld');
    expect(out.input.consent?.date).toBe('date withheld');
    expect(out.input.consent?.obtained).toBe(true);
  });

  it('shows an age over 89 as "90 or older", in the summary, the abstract and the text', () => {
    expect(out.input.patient.age).toBeUndefined();
    expect(out.patient_summary).toContain('90 or older');
    expect(out.patient_summary).not.toContain('93');
    expect(out.abstract).not.toMatch(/\d+-year-old/); // the abstract names no age over 89
    expect(JSON.stringify([out.input, out.patient_summary, out.abstract, out.timeline])).not.toMatch(/\b93\b/);
    expect(out.input.patient.history).toBe('A 90-or-older; injured on day -267.');
  });

  it('withholds dates that cannot be placed, where the first round has no date', () => {
    const text = caseText((c) => {
      c.condition = { name: 'Spinal cord injury', onset: '2022-06-12' };
      c.events = [{ date: '2022-06-13', event: 'Surgery on 2022-06-13' }];
    });
    const result = deidentifyModel(modelOf(text));
    expect(JSON.stringify(result)).not.toMatch(FULL_DATE);
    expect(result.onset?.text).toBe('date withheld');
    expect(result.input.condition.onset).toBe('date withheld');
    expect(result.input.events?.[0]).toEqual({ date: 'date withheld', event: 'Surgery on date withheld' });
  });

  it('keeps an age of 89 and an age range under 90', () => {
    const kept = deidentifyModel(modelOf(caseText((c) => Object.assign(c.patient as object, { age: 89 }))));
    expect(kept.input.patient.age).toBe(89);
    expect(kept.patient_summary).toContain('89-year-old');
    const range = deidentifyModel(modelOf(caseText((c) => Object.assign(c.patient as object, { age_range: '90-99' }))));
    expect(range.input.patient.age_range).toBeUndefined();
    expect(range.patient_summary).toContain('90 or older');
  });

  it('changes nothing in a case without dates or old ages, and is idempotent', () => {
    const steven = modelOf(exampleText('steven-sci'));
    expect(deidentifyModel(steven)).toEqual(steven);
    expect(deidentifyModel(out)).toEqual(out);
  });

  it('de-identifies the fictional assessments example completely', () => {
    const result = JSON.stringify(deidentifyModel(modelOf(exampleText('sci-assessments'))));
    expect(result).not.toMatch(FULL_DATE);
  });
});
