import { describe, expect, it } from 'vitest';
import type { CareItem } from '../../../src/core/check/types.js';
import { caseText, exampleText } from '../../helpers/cases.js';
import { checkText, completeText, firstRound, part } from './check-cases.js';

const itemOf = (text: string, n: number): CareItem => {
  const found = checkText(text).care.find((i) => i.item === n);
  if (!found) throw new Error(`no CARE item ${n}`);
  return found;
};
/** Replaces the assessments, dropping the measured change that cites the old ones. */
const setAssessments = (c: Record<string, unknown>, list: unknown[] | undefined): void => {
  if (list) c.assessments = list;
  else delete c.assessments;
  firstRound(c).observations = [{ domain: 'function', change: 'improved', finding: 'easier to hold a cup', source: 'patient' }];
};
const edited = (edit: (c: Record<string, unknown>) => void, n: number): CareItem => itemOf(completeText(edit), n);

describe('CARE checklist', () => {
  it('judges all 13 items, in order, and a complete case reports every one', () => {
    const care = checkText(completeText()).care;
    expect(care.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(care.map((i) => i.name)).toContain('Therapeutic intervention');
    for (const item of care)
      expect({ item: item.item, status: item.status, note: item.note }).toEqual({ item: item.item, status: 'reported', note: null });
  });

  it('1 Title: reported when given; partial when built by default or without "case report"', () => {
    expect(itemOf(completeText(), 1)).toMatchObject({ status: 'reported', fields: ['title'] });
    const built = edited((c) => delete c.title, 1);
    expect(built).toMatchObject({ status: 'partial', fields: ['condition.name', 'rounds[0].interventions[0]'] });
    expect(built.note).toContain('built by default');
    expect(edited((c) => (c.title = 'Cells for spinal cord injury'), 1).status).toBe('partial');
  });

  it('2 Key words: reported with 2-5, missing without', () => {
    expect(itemOf(completeText(), 2)).toMatchObject({ status: 'reported', fields: ['keywords'] });
    expect(edited((c) => delete c.keywords, 2)).toMatchObject({ status: 'missing', fields: [] });
  });

  it('3 Abstract: always assembled, partial without a measured outcome', () => {
    expect(itemOf(completeText(), 3).fields).toContain('assessments');
    const partial = edited((c) => setAssessments(c, undefined), 3);
    expect(partial.status).toBe('partial');
    expect(partial.note).toContain('no standardized assessment');
  });

  it('4 Introduction: context and references; missing with neither', () => {
    expect(itemOf(completeText(), 4)).toMatchObject({ status: 'reported', fields: ['discussion.context', 'discussion.references'] });
    expect(edited((c) => delete part(c, 'discussion').references, 4)).toMatchObject({ status: 'partial', fields: ['discussion.context'] });
    const missing = itemOf(caseText(), 4);
    expect(missing.status).toBe('missing');
    expect(missing.note).toContain('discussion.context missing');
  });

  it('5 Patient information: age, sex, concerns and history', () => {
    expect(itemOf(completeText(), 5).fields).toEqual(['patient.age_range', 'patient.sex', 'patient.concerns', 'patient.history']);
    const noAge = edited((c) => delete part(c, 'patient').age_range, 5);
    expect(noAge).toMatchObject({ status: 'partial', note: 'age not stated (patient.age or patient.age_range)' });
    expect(itemOf(caseText(), 5).status).toBe('missing');
    expect(
      itemOf(
        caseText((c) => (part(c, 'patient').age = 40)),
        5,
      ).fields,
    ).toEqual(['patient.age']);
  });

  it('6 Clinical findings: the condition described and a baseline examination', () => {
    expect(itemOf(completeText(), 6).fields).toEqual(['condition.details', 'assessments[0]', 'patient.concerns']);
    const noBaseline = edited((c) => setAssessments(c, [{ id: 'late', instrument: 'scim-iii', day: 30, score: 40 }]), 6);
    expect(noBaseline).toMatchObject({ status: 'partial', note: 'no baseline examination or assessment before the first round' });
    expect(itemOf(caseText(), 6).status).toBe('missing');
  });

  it('7 Timeline: partial without an onset date or with an undated round', () => {
    expect(itemOf(completeText(), 7).fields).toEqual(['condition.onset', 'rounds[0].start', 'events']);
    const noOnset = edited((c) => delete part(c, 'condition').onset, 7);
    expect(noOnset).toMatchObject({ status: 'partial', note: 'no onset date: time since injury or diagnosis cannot be given' });
    const undated = edited((c) => (c.rounds as unknown[]).push({ id: 'round-2' }), 7);
    expect(undated.status).toBe('partial');
    expect(undated.note).toContain('rounds[1] has no start date or day');
    const unplaced = edited((c) => delete firstRound(c).start, 7);
    expect(unplaced.note).toContain('the onset cannot be placed');
  });

  it('8 Diagnostic assessment: missing without assessments, partial without a baseline', () => {
    expect(itemOf(completeText(), 8)).toMatchObject({ status: 'reported', fields: ['assessments', 'condition.code', 'condition.details'] });
    expect(edited((c) => setAssessments(c, undefined), 8)).toMatchObject({ status: 'missing', fields: [] });
    const late = edited((c) => setAssessments(c, [{ id: 'late', instrument: 'wisci-ii', day: 30, score: 3 }]), 8);
    expect(late).toMatchObject({ status: 'partial', note: 'no assessment at baseline, before the first round' });
  });

  it('9 Therapeutic intervention: partial when product, dose or route are absent', () => {
    expect(itemOf(completeText(), 9)).toMatchObject({ status: 'reported', fields: ['rounds[0].interventions'] });
    const bare = edited((c) => (firstRound(c).interventions = [{ type: 'cell-therapy', name: 'Stem cells' }]), 9);
    expect(bare).toMatchObject({ status: 'partial', note: 'no product, dose or route for rounds[0].interventions[0]' });
    const rehab = edited((c) => (firstRound(c).interventions = [{ type: 'rehabilitation', name: 'Physiotherapy' }]), 9);
    expect(rehab.note).toBe('no sessions or schedule for rounds[0].interventions[0]');
    expect(itemOf(caseText(), 9)).toMatchObject({ status: 'missing', fields: [] });
  });

  it('10 Follow-up and outcomes: partial without follow_up, with adverse events not reported, or nothing measured', () => {
    expect(itemOf(completeText(), 10)).toMatchObject({
      status: 'reported',
      fields: ['follow_up', 'adverse_events', 'rounds[0].observations', 'assessments'],
    });
    const noFollowUp = edited((c) => delete c.follow_up, 10);
    expect(noFollowUp).toMatchObject({ status: 'partial', note: 'follow_up missing: the length of follow-up is unknown' });
    expect(edited((c) => (c.follow_up = { notes: 'seen later' }), 10).note).toContain('follow_up has no date or day');
    expect(edited((c) => (c.adverse_events = 'not-reported'), 10).note).toContain('adverse events not reported');
    const steven = itemOf(exampleText('steven-sci'), 10);
    expect(steven.status).toBe('partial');
    expect(steven.note).toContain('no standardized assessment: outcomes are all reported, none measured');
    expect(itemOf(caseText(), 10).status).toBe('missing');
  });

  it("11 Discussion: partial without the author's limitations or context", () => {
    expect(itemOf(completeText(), 11)).toMatchObject({
      status: 'reported',
      fields: ['discussion.context', 'discussion.limitations', 'discussion.lessons'],
    });
    const noLimits = edited((c) => delete part(c, 'discussion').limitations, 11);
    expect(noLimits).toMatchObject({
      status: 'partial',
      note: 'discussion.limitations missing: only the limitations computed from the data are shown',
    });
    expect(itemOf(caseText(), 11)).toMatchObject({ status: 'partial', fields: [] });
  });

  it('12 Patient perspective: reported with a statement, partial with only expectations, missing without', () => {
    expect(itemOf(completeText(), 12)).toMatchObject({ status: 'reported', fields: ['patient_perspective.statement'] });
    const steven = itemOf(exampleText('steven-sci'), 12);
    expect(steven).toMatchObject({ status: 'partial', fields: ['patient_perspective.expectations'] });
    expect(steven.note).toContain('patient_perspective.statement missing');
    expect(edited((c) => delete c.patient_perspective, 12).status).toBe('missing');
  });

  it('13 Informed consent: missing when absent or not obtained', () => {
    expect(itemOf(completeText(), 13)).toMatchObject({ status: 'reported', fields: ['consent.obtained', 'consent.type'] });
    expect(edited((c) => delete c.consent, 13)).toMatchObject({ status: 'missing', note: 'consent not stated' });
    expect(edited((c) => (c.consent = { obtained: false }), 13).status).toBe('missing');
    expect(edited((c) => (c.consent = { type: 'verbal' }), 13).note).toContain('consent.obtained not stated');
  });

  it('judges the Steven example as the issue expects: partial title, missing assessment and consent', () => {
    const care = checkText(exampleText('steven-sci')).care;
    const status = Object.fromEntries(care.map((i) => [i.name, i.status]));
    expect(status).toMatchObject({
      Title: 'partial',
      'Key words': 'reported',
      'Diagnostic assessment': 'missing',
      'Informed consent': 'missing',
      Timeline: 'partial',
    });
    expect(care.find((i) => i.item === 9)?.note).toBe(
      'no product, dose or route for rounds[0].interventions[0] and rounds[1].interventions[0]',
    );
  });
});
