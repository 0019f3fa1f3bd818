import { describe, expect, it } from 'vitest';
import { caseText, modelOf } from '../../helpers/cases.js';

/** A rehabilitation case in three phases, AIS A to C, with SCIM III and LEMS measured. */
const phases = caseText((c) => {
  c.patient = { label: 'Patient R', age: 41, sex: 'female' };
  c.rounds = [
    {
      id: 'p1',
      label: 'Acute inpatient rehabilitation',
      day: 0,
      end_day: 60,
      interventions: [{ type: 'rehabilitation', name: 'Inpatient rehabilitation' }],
    },
    {
      id: 'p2',
      label: 'Electrical stimulation',
      day: 61,
      end_day: 120,
      interventions: [{ type: 'other', name: 'Functional electrical stimulation' }],
    },
    {
      id: 'p3',
      label: 'Balance training',
      day: 121,
      end_day: 180,
      interventions: [{ type: 'rehabilitation', name: 'Virtual-reality balance training' }],
    },
  ];
  c.assessments = [
    { id: 'e1', instrument: 'isncsci', day: 0, totals: { uems: 50, lems: 0, ais: 'A', nli: 'T10' } },
    { id: 'e2', instrument: 'isncsci', day: 180, totals: { uems: 50, lems: 24, ais: 'C', nli: 'T10' } },
    { id: 's1', instrument: 'scim-iii', day: 0, score: 30 },
    { id: 's2', instrument: 'scim-iii', day: 180, score: 34 },
  ];
});

describe('the generated abstract', () => {
  const abstract = modelOf(phases).abstract;

  it('names the patient as a journal would, and the phases by their own names', () => {
    expect(abstract).toMatch(/^We report a 41-year-old woman with /);
    expect(abstract).not.toContain('Patient R');
    expect(abstract).toContain('(acute inpatient rehabilitation, electrical stimulation and balance training)');
  });

  it('leads the findings with the change of AIS grade, then the largest measured change', () => {
    expect(abstract).toContain(
      'On repeated standardized assessment, the AIS grade improved from A to C; Lower extremity motor score (LEMS) improved by 24 points',
    );
  });

  it('stays under 250 words', () => {
    const many = caseText((c) => {
      c.condition = { name: Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ') };
      c.assessments = ['scim-iii', 'wisci-ii', 'edss', 'fim'].flatMap((instrument, i) => [
        { id: `a${i}a`, instrument, day: 0, score: instrument === 'fim' ? 40 : 1 },
        { id: `a${i}b`, instrument, day: 30, score: instrument === 'fim' ? 50 : 2 },
      ]);
    });
    const text = modelOf(many).abstract;
    expect(text.split(/\s+/).length).toBeLessThanOrEqual(250);
    expect(text).toContain('On repeated standardized assessment');
  });
});
