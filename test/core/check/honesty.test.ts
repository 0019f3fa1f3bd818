import { describe, expect, it } from 'vitest';
import { assessHonesty } from '../../../src/core/check/honesty.js';
import type { ReportModel } from '../../../src/core/model/types.js';
import { caseText, exampleText, modelOf, validOrThrow } from '../../helpers/cases.js';

const honestyOf = (text: string, change: (m: ReportModel) => ReportModel = (m) => m) =>
  assessHonesty(validOrThrow(text).caseFile, change(modelOf(text)));
const countsOf = (text: string) => Object.fromEntries(honestyOf(text).evidence.by_source.map((s) => [s.label, s.count]));
/** The model without its data limitations: what the check must then compute itself. */
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
    expect(gaps[0]).toMatchObject({ id: 'single-case', from: 'model' });
    const model = modelOf(text);
    // The same words as the report's limitations: one source for each sentence.
    expect(gaps.map((g) => g.text)).toEqual(
      model.limitations.filter((l) => l.id === 'single-case' || l.basis === 'data').map((l) => l.text),
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

  it('adds the length of follow-up where the follow-up has no date or day', () => {
    const text = caseText((c) => {
      c.follow_up = { notes: 'seen again later' };
    });
    const gaps = honestyOf(text).gaps.filter((g) => g.id === 'follow-up-length');
    expect(gaps).toEqual([{ id: 'follow-up-length', text: 'The length of follow-up is not stated.', from: 'check' }]);
  });

  it('adds nothing the data does not show', () => {
    const complete = caseText((c) => {
      c.condition = { name: 'Spinal cord injury', onset: '2019-01' };
      c.rounds = [{ id: 'round-1', start: '2023-01', interventions: [{ type: 'cell-therapy' }] }];
      c.follow_up = { day: 365 };
      c.regulatory = { status: 'trial' };
      c.report = { funding: 'grant', conflicts_of_interest: 'none' };
      c.assessments = [{ id: 'a1', instrument: 'scim-iii', day: 0, score: 40, blinded: true }];
    });
    const ids = honestyOf(complete).gaps.map((g) => g.id);
    expect(ids).toEqual(['single-case']);
  });
});
