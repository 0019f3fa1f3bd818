import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText, modelOf } from '../../helpers/cases.js';

// Names every plain object inherits: looked up with `obj[key]`, they find a function.
const INHERITED = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};
const scores = (keys: readonly string[], value: number) => Object.fromEntries(keys.map((k) => [k, value]));

describe('keys named like Object.prototype members', () => {
  it('are unknown subscores of a built-in instrument, not a crash', () => {
    const text = caseText((c) => (c.assessments = [{ id: 'a', instrument: 'scim-iii', day: 0, subscores: scores(INHERITED, 5) }]));
    const found = issuesOf(text);
    expect(found.map((i) => i.code)).toEqual(INHERITED.map(() => 'unknown-subscore'));
    expect(found.map((i) => i.path.at(-1))).toEqual(INHERITED);
  });

  it('are ordinary subscores of an instrument the case defines, through validation and the report model', () => {
    const text = caseText((c) => {
      c.instruments = [
        {
          id: 'own',
          name: 'Own scale',
          range: [0, 20],
          higher_is_better: true,
          subscores: Object.fromEntries(INHERITED.map((k) => [k, [0, 10]])),
        },
      ];
      c.assessments = [
        { id: 'a', instrument: 'own', day: 0, subscores: scores(INHERITED, 2) },
        { id: 'b', instrument: 'own', day: 30, subscores: scores(INHERITED, 7) },
      ];
    });
    expect(issuesOf(text)).toEqual([]);
    const outcomes = modelOf(text).outcomes;
    expect(outcomes.map((o) => o.measure)).toEqual(INHERITED);
    expect(outcomes.map((o) => o.label)).toEqual(INHERITED.map((k) => `Own scale: ${k}`));
    expect(outcomes.every((o) => o.change === 5)).toBe(true);
  });

  it('are checked against their own range in an instrument the case defines', () => {
    const text = caseText((c) => {
      c.instruments = [{ id: 'own', name: 'Own scale', range: [0, 20], higher_is_better: true, subscores: { constructor: [0, 10] } }];
      c.assessments = [{ id: 'a', instrument: 'own', day: 0, subscores: { constructor: 11, toString: 1 } }];
    });
    expect(issuesOf(text).map((i) => `${i.code} ${i.path.at(-1)}`)).toEqual(['out-of-range constructor', 'unknown-subscore toString']);
  });

  it('are unknown levels of an ISNCSCI grid map, and unknown keys of the format', () => {
    const text = caseText((c) => {
      c.assessments = [
        {
          id: 'i',
          instrument: 'isncsci',
          day: 0,
          exam: {
            vac: 'no',
            dap: 'no',
            right: { motor: scores(INHERITED, 5), light_touch: [], pin_prick: [] },
            left: { motor: [], light_touch: [], pin_prick: [] },
          },
        },
      ];
      Object.assign(c, scores(['constructor', 'toString'], 1));
      Object.assign(c.patient as object, { hasOwnProperty: 'x' });
    });
    const found = issuesOf(text);
    const unknownLevels = found.filter((i) => i.message.includes('unknown level')).map((i) => i.path.at(-1));
    expect(unknownLevels).toEqual(INHERITED);
    const unknownKeys = found.filter((i) => i.code === 'unknown-key').map((i) => i.path.join('.'));
    expect(unknownKeys.sort()).toEqual(['constructor', 'patient.hasOwnProperty', 'toString']);
  });

  it('give an instrument definition with a malformed range a message, not a crash', () => {
    const text = caseText((c) => {
      c.instruments = [
        { id: 'own', name: 'Own', range: [0, 20], higher_is_better: true, subscores: { constructor: [0, 10, 20], valueOf: 'x' } },
      ];
    });
    expect(issuesOf(text).map((i) => `${i.code} ${i.path.slice(2).join('.')}`)).toEqual([
      'out-of-range subscores.constructor',
      'wrong-type subscores.valueOf',
    ]);
  });
});
