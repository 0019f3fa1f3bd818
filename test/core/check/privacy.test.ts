import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPrivacyIssues } from '../../../src/core/check/privacy.js';
import type { PrivacyFinding } from '../../../src/core/check/types.js';
import { ROOT, caseText, exampleText, validOrThrow } from '../../helpers/cases.js';
import { firstRound, part } from './check-cases.js';

const findingsOf = (text: string): PrivacyFinding[] => findPrivacyIssues(validOrThrow(text).caseFile);
const edit = (change: (c: Record<string, unknown>) => void): PrivacyFinding[] => findingsOf(caseText(change));
/** The findings for one free text, placed in `patient.history`. */
const inText = (history: string): PrivacyFinding[] => edit((c) => (part(c, 'patient').history = history));
const rulesIn = (history: string): string[] => inText(history).map((f) => `${f.rule}:${f.severity}`);

describe('privacy findings', () => {
  it('finds nothing in the smallest case', () => {
    expect(findingsOf(caseText())).toEqual([]);
  });

  it('gives every finding its rule, severity, path, matched text, message and hint', () => {
    const [finding] = inText('Seen by Dr John Smith at the clinic.');
    expect(finding).toEqual({
      rule: 'name',
      severity: 'error',
      path: 'patient.history',
      text: 'Dr John Smith',
      message: "a person's name",
      hint: expect.stringContaining('by their role'),
    });
  });

  it('names: a titled name in text, or a label that looks like a full name; not "Patient A"', () => {
    expect(rulesIn('Referred by Dr. Jones and Mrs Anna Berg.')).toEqual(['name:error', 'name:error']);
    expect(rulesIn('Referred by the treating doctor; her partner helps.')).toEqual([]);
    expect(edit((c) => (part(c, 'patient').label = 'John Smith'))).toMatchObject([
      { rule: 'name', severity: 'error', path: 'patient.label' },
    ]);
    expect(edit((c) => (part(c, 'patient').label = 'Steven'))).toMatchObject([
      { rule: 'name', severity: 'warning', path: 'patient.label' },
    ]);
    for (const label of ['Patient A', 'J.S.', 'Case 3', 'Patient Mary'])
      expect(edit((c) => (part(c, 'patient').label = label))).toEqual([]);
  });

  it('dates: any full date, in a date field or in text; not a month or a year', () => {
    const field = edit((c) => (firstRound(c).start = '2023-03-06'));
    expect(field).toMatchObject([{ rule: 'date', severity: 'error', path: 'rounds[0].start', text: '2023-03-06' }]);
    expect(field[0]?.hint).toContain('day: N');
    expect(edit((c) => (part(c, 'condition').onset = '2022-06-12'))[0]?.hint).toContain('month');
    expect(rulesIn('Injured on 2022-06-12 in a fall.')).toEqual(['date:error']);
    expect(edit((c) => (firstRound(c).start = '2023-03'))).toEqual([]);
    expect(rulesIn('Injured in June 2022, in 2022-06.')).toEqual([]);
  });

  it('ages over 89: in patient.age, an age range, or the text', () => {
    expect(edit((c) => (part(c, 'patient').age = 93))).toMatchObject([{ rule: 'age', severity: 'error', path: 'patient.age', text: '93' }]);
    expect(edit((c) => (part(c, 'patient').age = 89))).toEqual([]);
    expect(edit((c) => (part(c, 'patient').age_range = '90-99'))).toMatchObject([{ rule: 'age', path: 'patient.age_range' }]);
    expect(edit((c) => (part(c, 'patient').age_range = '80-89'))).toEqual([]);
    expect(rulesIn('A 93-year-old retired farmer.')).toEqual(['age:error']);
    expect(rulesIn('She is 95 years old.')).toEqual(['age:error']);
    expect(rulesIn('A fracture at 19; 93 sessions of physiotherapy.')).toEqual([]);
  });

  it('phone numbers; not scores, dose texts or approval numbers', () => {
    expect(rulesIn('Call +44 20 7946 0958 or 555-1234.')).toEqual(['phone:error', 'phone:error']);
    expect(rulesIn('SCIM III rose from 32 to 37; 1 × 10^6 cells/kg; approval 2022-117; ICD-10 S14.155; C4-C6.')).toEqual([]);
  });

  it('e-mail addresses, reported once and not again as a web address', () => {
    expect(inText('Write to john.smith@example.com.')).toMatchObject([{ rule: 'email', text: 'john.smith@example.com' }]);
    expect(rulesIn('She wrote about it at home.')).toEqual([]);
  });

  it('web addresses; not abbreviations or codes', () => {
    expect(rulesIn('See https://example.org/patients/42, www.clinic.cn and puhua.com.')).toEqual(['url:error', 'url:error', 'url:error']);
    expect(inText('See https://example.org/x.')[0]?.text).toBe('https://example.org/x');
    expect(rulesIn('E.g. the hand (ICD-10 S14.155), i.e. no change.')).toEqual([]);
  });

  it('record numbers: MRN and "record no.", long digit runs; never a trial registration', () => {
    expect(rulesIn('MRN: 00123456.')).toEqual(['record-number:error']);
    expect(rulesIn('Hospital record no. 4711.')).toEqual(['record-number:error']);
    expect(rulesIn('Device 123456789 implanted.')).toEqual(['record-number:warning']);
    expect(rulesIn('Enrolled in NCT01234567 and NCT00000000.')).toEqual([]);
    expect(rulesIn('62000000 cells were given.')).toEqual([]);
    expect(edit((c) => (c.regulatory = { status: 'trial', registration: 'NCT00000000' }))).toEqual([]);
  });

  it('places: street addresses and postcodes are errors; the city of the facility is a warning', () => {
    expect(rulesIn('Lives at 12 Baker Street with her partner.')).toEqual(['place:error']);
    expect(rulesIn('Lives in Hauptstraße 5.')).toEqual(['place:error']);
    expect(rulesIn('London SW1A 1AA, or Springfield, IL 62704.')).toEqual(['place:error', 'place:error']);
    expect(rulesIn('Lives with her partner in an adapted flat in the Netherlands.')).toEqual([]);
    const city = edit((c) => {
      c.facility = { city: 'Utrecht', country: 'Netherlands' };
      firstRound(c).notes = 'Treated in Utrecht.';
    });
    expect(city).toMatchObject([
      { rule: 'place', severity: 'warning', path: 'facility.city' },
      { rule: 'place', severity: 'warning', path: 'rounds[0].notes', text: 'Utrecht' },
    ]);
  });

  it('facility names: the field and the name repeated in text are warnings; "a private hospital" is not', () => {
    const found = edit((c) => {
      c.facility = { name: 'Beijing Puhua International Hospital' };
      firstRound(c).notes = 'Treated at Beijing Puhua International Hospital.';
    });
    expect(found).toMatchObject([
      { rule: 'facility', severity: 'warning', path: 'facility.name' },
      { rule: 'facility', severity: 'warning', path: 'rounds[0].notes' },
    ]);
    expect(rulesIn('Admitted to St Example Hospital.')).toEqual(['facility:warning']);
    expect(rulesIn('Treated at a private hospital; the hospital staff were kind.')).toEqual([]);
  });

  // Found by bench/fuzz.mjs: a city of 70,000 characters made `check` exit 1 (internal error),
  // since the regular expression that looks for it in the text was too large to compile.
  it('does not look for a facility name or city of thousands of characters in the text, and does not fail on one', () => {
    const found = edit((c) => {
      c.facility = { name: 'N'.repeat(70_000), city: 'c'.repeat(70_000) };
      firstRound(c).notes = 'c'.repeat(70_000);
    });
    expect(found.map((f) => f.path)).toEqual(['facility.name', 'facility.city']);
  });

  it('leaves out authors and references, which name people and places on purpose', () => {
    const found = edit((c) => {
      c.report = { authors: [{ name: 'Dr Anna Berg', affiliation: 'Example Hospital, Utrecht' }] };
      c.discussion = { references: ['Berg A. https://doi.org/10.1000/182. 2021-05-01.'] };
    });
    expect(found).toEqual([]);
  });

  it('finds only warnings in the Steven example, and no record number for the NCT placeholder in the fictional one', () => {
    const steven = findingsOf(exampleText('steven-sci'));
    expect(steven.every((f) => f.severity === 'warning')).toBe(true);
    expect(steven.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'name patient.label',
      'facility facility.name',
      'place facility.city',
      'place discussion.context',
      'facility provenance.notes',
    ]);
    const fictional = findingsOf(exampleText('sci-assessments'));
    expect(fictional.filter((f) => f.rule === 'record-number' || f.rule === 'phone')).toEqual([]);
    expect(fictional.filter((f) => f.rule === 'name')).toEqual([]);
  });

  // Found by bench/fuzz.mjs: `check` did not finish in two minutes on a case with a round id of a
  // million characters (the text grows, the time grows with its square). Unbounded runs
  // in the patterns made each place in a long run scan the rest of it, and blanking each match
  // copied the whole text once per match.
  it('takes linear time over long runs of address-like characters and over many matches', () => {
    // Each took 10 s to minutes before; now well under a second (the budget is for slow machines).
    const texts = ['y'.repeat(100_000), 'a.'.repeat(50_000), 'A.'.repeat(50_000), 'y-'.repeat(50_000), '1234567 '.repeat(50_000)];
    for (const text of texts) {
      const { caseFile } = validOrThrow(caseText((c) => (part(c, 'patient').history = text)));
      const started = performance.now();
      const found = findPrivacyIssues(caseFile);
      expect(performance.now() - started, text.slice(0, 8)).toBeLessThan(3000);
      expect(found.length).toBe(text.startsWith('1234567') ? 50_000 : 0);
    }
  });

  it('still finds an address inside a long run, and a long local part or host name', () => {
    expect(inText(`${'x'.repeat(10_000)} mail a@example.com ${'y'.repeat(10_000)}`)).toMatchObject([
      { rule: 'email', text: 'a@example.com' },
    ]);
    expect(inText(`Write to ${'a'.repeat(100)}@example.com.`)).toMatchObject([{ rule: 'email' }]);
    expect(rulesIn(`See ${'sub.'.repeat(20)}example.org.`)).toEqual(['url:error']);
    expect(rulesIn('Seen at the Saint-Jean-de-Luz Regional Hospital.')).toEqual(['facility:warning']);
  });

  it('finds every kind of identifier in the identifiers fixture', () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'check', 'identifiers.yaml'), 'utf8');
    const rules = new Set(findingsOf(text).map((f) => f.rule));
    expect([...rules].sort()).toEqual(['age', 'date', 'email', 'facility', 'name', 'phone', 'place', 'record-number', 'url']);
  });
});
