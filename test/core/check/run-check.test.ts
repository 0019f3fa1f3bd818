import { describe, expect, it } from 'vitest';
import { failsStrict, hasMissing, hasPrivacyErrors } from '../../../src/core/check/run-check.js';
import { exampleText } from '../../helpers/cases.js';
import { checkText, completeText } from './check-cases.js';

describe('checkCase', () => {
  it('combines the CARE items, privacy findings and honesty gaps, with counts', () => {
    const report = checkText(exampleText('steven-sci'));
    expect(report.id).toBe('steven-sci');
    expect(report.title).toBe('Stem cell treatment for spinal cord injury: a case report');
    expect(report.care).toHaveLength(13);
    const { care, privacy, gaps } = report.summary;
    expect(care.reported + care.partial + care.missing + care['not-applicable']).toBe(13);
    expect(care.missing).toBe(report.care.filter((i) => i.status === 'missing').length);
    expect(privacy).toEqual({ errors: 0, warnings: report.privacy.length });
    expect(gaps).toBe(report.honesty.gaps.length);
  });

  it('keeps the same keys in every CARE item and finding, for scripts', () => {
    const report = checkText(exampleText('sci-assessments'));
    for (const item of report.care) expect(Object.keys(item)).toEqual(['item', 'name', 'status', 'fields', 'note']);
    for (const finding of report.privacy) expect(Object.keys(finding)).toEqual(['rule', 'severity', 'path', 'text', 'message', 'hint']);
    expect(Object.keys(report)).toEqual(['id', 'title', 'care', 'privacy', 'honesty', 'summary']);
  });

  it('hasMissing and failsStrict: a missing CARE item or a privacy error fails --strict; warnings do not', () => {
    const steven = checkText(exampleText('steven-sci'));
    expect(hasMissing(steven)).toBe(true);
    expect(hasPrivacyErrors(steven)).toBe(false);
    expect(failsStrict(steven)).toBe(true);

    const complete = checkText(completeText());
    expect(hasMissing(complete)).toBe(false);
    expect(failsStrict(complete)).toBe(false);

    const warned = checkText(completeText((c) => (c.facility = { name: 'Example Clinic', country: 'Netherlands' })));
    expect(warned.summary.privacy).toEqual({ errors: 0, warnings: 1 });
    expect(failsStrict(warned)).toBe(false);

    const dated = checkText(completeText((c) => ((c.consent as Record<string, unknown>).date = '2023-01-30')));
    expect(hasMissing(dated)).toBe(false);
    expect(hasPrivacyErrors(dated)).toBe(true);
    expect(failsStrict(dated)).toBe(true);
  });

  it('fails the fictional assessments example only for its full dates', () => {
    const report = checkText(exampleText('sci-assessments'));
    expect(hasMissing(report)).toBe(false);
    expect(report.privacy.filter((f) => f.severity === 'error').every((f) => f.rule === 'date')).toBe(true);
  });
});
