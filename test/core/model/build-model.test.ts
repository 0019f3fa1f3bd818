import { describe, expect, it } from 'vitest';
import { caseText, exampleText, modelOf } from '../../helpers/cases.js';

describe('report model of the Steven example', () => {
  const model = modelOf(exampleText('steven-sci'));

  it('keeps both rounds in order with their observations', () => {
    expect(model.rounds.map((r) => r.id)).toEqual(['round-1', 'round-2']);
    expect(model.rounds[0]?.start?.day).toBe(0);
    expect(model.observations.length).toBe(model.rounds.reduce((n, r) => n + r.observations.length, 0));
  });

  it('labels every observation by who observed it; nothing was measured', () => {
    for (const o of model.observations) {
      expect(['self-reported', 'caregiver-reported']).toContain(o.source_label);
      expect(o.measured_note).toBe('not measured');
    }
    expect(model.evidence.measured).toBe(0);
    expect(model.observations_by_source.find((g) => g.source === 'measured')?.count).toBe(0);
  });

  it('groups observations by domain in the format order, without empty groups', () => {
    const domains = model.observations_by_domain.map((g) => g.domain);
    expect(domains[0]).toBe('motor');
    expect(domains).toContain('balance');
    expect(model.observations_by_domain.every((g) => g.observations.length > 0)).toBe(true);
  });

  it('builds a default title, adds "case report" to the keywords, and states what is unknown', () => {
    expect(model.title).toBe('Stem cell treatment for spinal cord injury: a case report');
    expect(model.keywords).toContain('case report');
    expect(model.adverse_events.status).toBe('not-reported');
    expect(model.limitations.filter((l) => l.basis === 'always')).toHaveLength(2);
    expect(model.limitations.map((l) => l.text).join(' ')).toContain('The time since onset is not stated');
    expect(model.abstract).toContain('cannot show that the treatment caused it');
  });
});

describe('time', () => {
  const text = caseText((c) => {
    c.condition = { name: 'Spinal cord injury', onset: '2023-01-10' };
    c.rounds = [
      { id: 'r1', start: '2023-06-01', end: '2023-06-05' },
      { id: 'r2', start: '2023-09-01' },
    ];
    c.events = [
      { date: '2023-01-10', event: 'Fall from a ladder' },
      { day: 10, event: 'Discharge' },
    ];
    c.assessments = [{ id: 'a1', instrument: 'wisci-ii', date: '2023-05-30', score: 0 }];
    c.follow_up = { date: '2023-12-01' };
  });
  const model = modelOf(text);

  it('computes day offsets from the first round and time since onset', () => {
    expect(model.rounds[1]?.start).toMatchObject({ date: '2023-09-01', day: 92, approximate: false, since_onset_days: 234 });
    expect(model.rounds[0]?.duration_days).toBe(4); // 2023-06-01 to 2023-06-05: end minus start
    expect(model.onset?.day).toBe(-142);
    expect(model.rounds[0]?.start?.since_onset_text).toBe('5 months after onset');
  });

  it('orders the timeline: onset, events, rounds, assessments, follow-up', () => {
    expect(model.timeline.map((e) => e.kind)).toEqual([
      'onset',
      'event',
      'assessment',
      'round-start',
      'round-end',
      'event',
      'round-start',
      'follow-up',
    ]);
  });

  it('states "none observed" with the follow-up length when adverse events are []', () => {
    expect(model.adverse_events.text).toBe('None observed during 183 days of follow-up.');
    expect(model.limitations.map((l) => l.text).join(' ')).toContain('within the first year');
  });

  it('counts a round from day 0 to day 60 as 60 days (end minus start), by days and by dates alike', () => {
    const byDays = modelOf(
      caseText((c) => {
        c.rounds = [
          { id: 'r1', day: 0, end_day: 60 },
          { id: 'r2', day: 90, end_day: 90 },
        ];
      }),
    );
    expect(byDays.rounds.map((r) => r.duration_days)).toEqual([60, 0]);
    const byDates = modelOf(
      caseText((c) => {
        c.rounds = [{ id: 'r1', start: '2023-06-01', end: '2023-07-31' }];
      }),
    );
    expect(byDates.rounds[0]?.end?.day).toBe(60);
    expect(byDates.rounds[0]?.duration_days).toBe(60);
  });

  it('measures a round by its dates where the case has no dated day 0', () => {
    const m = modelOf(
      caseText((c) => {
        c.rounds = [{ id: 'r1' }, { id: 'r2', start: '2023-06-01', end: '2023-07-31' }];
      }),
    );
    expect(m.rounds[1]?.start?.day).toBeUndefined();
    expect(m.rounds[1]?.duration_days).toBe(60);
  });

  it('marks days from partial dates as approximate', () => {
    const partial = modelOf(
      caseText((c) => {
        c.rounds = [
          { id: 'r1', start: '2023-06' },
          { id: 'r2', start: '2023-09' },
        ];
      }),
    );
    expect(partial.rounds[1]?.start).toMatchObject({ day: 92, approximate: true, text: '2023-09 (day ~92)' });
  });
});
