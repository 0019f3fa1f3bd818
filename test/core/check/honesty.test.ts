import { describe, expect, it } from 'vitest';
import { assessHonesty } from '../../../src/core/check/honesty.js';
import type { ReportModel } from '../../../src/core/model/types.js';
import { caseText, exampleText, modelOf, validOrThrow } from '../../helpers/cases.js';

const honestyOf = (text: string, change: (m: ReportModel) => ReportModel = (m) => m) =>
  assessHonesty(validOrThrow(text).caseFile, change(modelOf(text)));
const countsOf = (text: string) => Object.fromEntries(honestyOf(text).evidence.by_source.map((s) => [s.label, s.count]));
/** The model without its data limitations: what the check must then compute itself. */
const withoutDataLimitations = (m: ReportModel): ReportModel => ({ ...m, limitations: m.limitations.filter((l) => l.basis !== 'data') });

describe('honesty: the evidence summary', () => {
  it('counts the Steven example: 15 changes, none measured, each marked "not measured"', () => {
    const { evidence } = honestyOf(exampleText('steven-sci'));
    expect(countsOf(exampleText('steven-sci'))).toEqual({
      'self-reported': 13,
      'caregiver-reported': 2,
      'clinician-observed': 0,
      measured: 0,
    });
    expect(evidence).toMatchObject({ total: 15, measured: 0, not_measured: 15 });
    expect(evidence.unmeasured).toHaveLength(15);
    expect(evidence.unmeasured.every((u) => u.note === 'not measured')).toBe(true);
    expect(evidence.unmeasured[0]).toEqual({
      path: 'rounds[0].observations[0]',
      source: 'caregiver',
      source_label: 'caregiver-reported',
      finding: 'his support system noticed better motor function overall',
      note: 'not measured',
    });
    expect(evidence.unmeasured.at(-1)?.path).toBe('rounds[1].observations[3]');
  });

  it('counts the assessments example: 5 measured, 2 seen by a clinician, 3 self-reported, 2 by a caregiver', () => {
    const { evidence } = honestyOf(exampleText('sci-assessments'));
    expect(countsOf(exampleText('sci-assessments'))).toEqual({
      'self-reported': 3,
      'caregiver-reported': 2,
      'clinician-observed': 2,
      measured: 5,
    });
    expect(evidence).toMatchObject({ total: 12, measured: 5, not_measured: 7 });
    expect(evidence.unmeasured.map((u) => u.source).sort()).toEqual([
      'caregiver',
      'caregiver',
      'clinician',
      'clinician',
      'patient',
      'patient',
      'patient',
    ]);
    expect(evidence.unmeasured.some((u) => u.path === 'rounds[0].observations[4]')).toBe(false); // measured SCIM III change
  });

  it('says so when nothing was observed', () => {
    expect(honestyOf(caseText()).evidence).toMatchObject({ total: 0, measured: 0, not_measured: 0, unmeasured: [] });
  });
});

describe('honesty: the limitations the data shows', () => {
  it("reuses the model's data limitations and adds the single uncontrolled case first", () => {
    const text = exampleText('steven-sci');
    const { gaps } = honestyOf(text);
    expect(gaps[0]).toMatchObject({ id: 'single-case', from: 'check' });
    const fromModel = gaps.filter((g) => g.from === 'model').map((g) => g.text);
    expect(fromModel).toEqual(
      modelOf(text)
        .limitations.filter((l) => l.basis === 'data')
        .map((l) => l.text),
    );
    expect(gaps.map((g) => g.id)).toEqual(
      expect.arrayContaining([
        'not-measured',
        'no-assessment',
        'onset-unknown',
        'follow-up-length',
        'adverse-events',
        'funding-conflicts',
        'regulatory',
        'testimonial',
      ]),
    );
    expect(new Set(gaps.map((g) => g.id)).size).toBe(gaps.length);
  });

  it('shows treatment in the first year, concurrent rehabilitation and unblinded examiners in the assessments example', () => {
    const ids = honestyOf(exampleText('sci-assessments')).gaps.map((g) => g.id);
    expect(ids).toEqual(expect.arrayContaining(['first-year', 'concurrent-rehabilitation', 'unblinded']));
    expect(ids).not.toContain('follow-up-length');
    expect(ids).not.toContain('adverse-events');
    expect(ids).not.toContain('regulatory');
    expect(ids).not.toContain('funding-conflicts');
  });

  it('computes each required limitation itself where the model lacks it', () => {
    const gaps = honestyOf(exampleText('sci-assessments'), withoutDataLimitations).gaps;
    expect(gaps.every((g) => g.from === 'check')).toBe(true);
    expect(gaps.find((g) => g.id === 'first-year')?.text).toBe(
      'Treatment began 9 months after onset, within the first year, when spontaneous recovery is common.',
    );
    expect(gaps.find((g) => g.id === 'unblinded')?.text).toMatch(/^7 of 8 assessments/);
    expect(gaps.map((g) => g.id)).toContain('concurrent-rehabilitation');

    const unknowns = caseText((c) => {
      c.adverse_events = 'not-reported';
      c.follow_up = { notes: 'seen again later' };
      c.regulatory = { status: 'unregulated' };
      c.report = { funding: 'none' };
    });
    const texts = Object.fromEntries(honestyOf(unknowns, withoutDataLimitations).gaps.map((g) => [g.id, g.text]));
    expect(texts).toMatchObject({
      'onset-unknown': expect.stringContaining('not known'),
      'follow-up-length': 'The length of follow-up is not stated.',
      'adverse-events': expect.stringContaining('not reported'),
      'funding-conflicts': 'Conflicts of interest are not stated.',
      regulatory: 'The treatment was given outside a regulated trial or approval.',
    });
  });

  it('adds nothing the data does not show', () => {
    const complete = caseText((c) => {
      c.condition = { name: 'Spinal cord injury', onset: '2019-01' };
      c.rounds = [{ id: 'round-1', start: '2023-01', interventions: [{ type: 'cell-therapy' }] }];
      c.follow_up = { day: 365 };
      c.regulatory = { status: 'trial' };
      c.report = { funding: 'grant', conflicts_of_interest: 'none' };
    });
    const ids = honestyOf(complete, withoutDataLimitations).gaps.map((g) => g.id);
    expect(ids).toEqual(['single-case']);
  });
});
