import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText, modelOf } from '../../helpers/cases.js';
import { compiledTemplate, EXTRAS } from '../../render/render-case.js';

const md = (text: string) => compiledTemplate('care').render('md', modelOf(text), EXTRAS);
const html = (text: string) => compiledTemplate('care').render('html', modelOf(text), EXTRAS);
const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues.map((i) => `${i.path.join('.')} ${i.code}`);
};

/** A rehabilitation-only case: stimulation with a device and its settings, then an orthosis. */
const rehab = caseText((c) => {
  c.condition = { name: 'Spinal cord injury', onset_day: -21 };
  c.comorbidities = [{ name: 'Hypertension', onset: '2015', notes: 'on amlodipine' }, { name: 'Type 2 diabetes' }];
  c.findings = [
    { day: 63, kind: 'physiological', name: 'Blood pressure', result: '182/104 mmHg' },
    { day: -2, kind: 'laboratory', name: 'HbA1c', value: 6.4, unit: '%', reference_range: '4.0-5.6' },
  ];
  c.rounds = [
    {
      id: 'p1',
      day: 0,
      end_day: 55,
      interventions: [
        {
          type: 'electrical-stimulation',
          name: 'FES cycling',
          device: { name: 'RehaMove 3', manufacturer: 'Hasomed' },
          parameters: [
            { name: 'frequency', value: 30, unit: 'Hz' },
            { name: 'sessions', value: 24 },
          ],
        },
        { type: 'orthosis', name: 'Ankle-foot orthosis' },
      ],
    },
  ];
  c.medications = [
    {
      name: 'Baclofen',
      start_day: 10,
      stop_day: 150,
      doses: [
        { day: 24, dose: '10 mg three times a day' },
        { day: 10, dose: '5 mg three times a day' },
      ],
    },
  ];
});

describe('the clinical picture beside the main condition', () => {
  it('validates comorbidities, findings, devices with settings, a dose history and an onset given in days', () => {
    expect(issuesOf(rehab)).toEqual([]);
  });

  it('gives the time since onset from `onset_day` and names spontaneous recovery in the first year', () => {
    const model = modelOf(rehab);
    expect(model.onset?.day).toBe(-21);
    expect(model.rounds[0]?.start?.since_onset_text).toBe('3 weeks after onset');
    expect(model.limitations.map((l) => l.id)).toContain('first-year');
    expect(model.timeline[0]).toMatchObject({ kind: 'onset', when: { day: -21 } });
  });

  it('calls rehabilitation the treatment under study, not a co-intervention', () => {
    const ids = modelOf(rehab).limitations.map((l) => l.id);
    expect(ids).toContain('rehabilitation-design');
    expect(ids).not.toContain('concurrent-rehabilitation');
    const text = md(rehab);
    expect(text).toContain('Rehabilitation is the treatment under study here');
    expect(text).not.toContain('alongside the other treatments');
    const withCells = caseText((c) => {
      c.rounds = [{ id: 'r', day: 0, interventions: [{ type: 'cell-therapy' }, { type: 'rehabilitation' }] }];
    });
    expect(modelOf(withCells).limitations.map((l) => l.id)).toContain('concurrent-rehabilitation');
  });

  it('shows comorbidities under the patient, findings in time order under the diagnostic assessment and in the timeline', () => {
    const text = md(rehab);
    expect(text).toContain('### Other conditions\n\n- Hypertension (since 2015): on amlodipine\n- Type 2 diabetes');
    const findings = text.slice(text.indexOf('**Findings**'));
    expect(findings.indexOf('HbA1c')).toBeLessThan(findings.indexOf('Blood pressure'));
    expect(text).toContain('| day -2 | laboratory | HbA1c | 6.4 % (reference range 4.0-5.6) |');
    expect(modelOf(rehab).timeline.some((t) => t.kind === 'finding' && t.text === 'Blood pressure: 182/104 mmHg')).toBe(true);
    expect(html(rehab)).toContain('<table class="findings">');
  });

  it('prints a device and its settings with the intervention, and a medicine with its period and dose history', () => {
    const text = md(rehab);
    expect(text).toContain(
      '- **FES cycling** (electrical stimulation)\n  - Device: RehaMove 3 (Hasomed)\n  - Settings: frequency: 30 Hz; sessions: 24',
    );
    expect(text).toContain('started day 10, stopped day 150');
    expect(text).toContain('  - day 10: 5 mg three times a day\n  - day 24: 10 mg three times a day');
    expect(html(rehab)).toContain('<dt>Device</dt><dd>RehaMove 3 (Hasomed)</dd>');
  });

  it('refuses two onsets, a finding with nothing to show, and a medicine stopped before it started', () => {
    const bad = caseText((c) => {
      c.condition = { name: 'x', onset: '2024-01-01', onset_day: -3 };
      c.findings = [{ day: 1, kind: 'imaging', name: 'MRI' }];
      c.medications = [{ name: 'Baclofen', start_day: 10, stop_day: 5 }];
    });
    expect(issuesOf(bad)).toEqual(
      expect.arrayContaining(['condition.onset_day two-onsets', 'findings.0.name no-result', 'medications.0.stop_day medication-order']),
    );
  });
});
