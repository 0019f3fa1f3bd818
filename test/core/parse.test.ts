import { describe, expect, it } from 'vitest';
import { parseCaseText } from '../../src/core/parse.js';
import { validateCaseText } from '../../src/core/validate/validate-case.js';
import { MAX_ALIASED_VALUES } from '../../src/core/yaml-data.js';
import { MAX_NESTING } from '../../src/core/yaml-document.js';
import { exampleText } from '../helpers/cases.js';

const MINIMAL = exampleText('minimal');
const issuesOf = (text: string) => parseCaseText(text).issues;
const dataOf = (text: string) => parseCaseText(text).parsed?.data as Record<string, unknown>;
const validationIssues = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};

describe('parseCaseText: one parser, one meaning', () => {
  it('reads a value the same way whatever else the file holds', () => {
    const plain = MINIMAL.replace('label: Patient M', 'label: Patient M\n  age: 0b101101');
    const tagged = plain.replace('name: Spinal cord injury', 'name: !x Spinal cord injury');
    const ageIssue = (text: string) => validationIssues(text).find((i) => i.path.join('.') === 'patient.age');
    expect(ageIssue(plain)).toBeDefined();
    expect(ageIssue(tagged)).toEqual(ageIssue(plain));
    expect(ageIssue(plain)?.message).toBe('expected a number, found text `0b101101`');
    expect(ageIssue(plain)?.hint).toContain('45');
  });

  it('reads explicit YAML 1.1 types as the text written, like any tag the core schema lacks', () => {
    const data = dataOf('a: !!timestamp 2023-01-01\nb: !!binary aGVsbG8=\nc: !!set {x: 1}\nd: !!str 5\ne: !!int "7"\n');
    expect(data).toEqual({ a: '2023-01-01', b: 'aGVsbG8=', c: { x: 1 }, d: '5', e: 7 });
  });

  it('keeps aliases that repeat a few values, sharing them', () => {
    const text = MINIMAL.replace(
      'rounds:\n  - id: round-1',
      'rounds:\n  - id: round-1\n    interventions:\n      - &rehab { type: rehabilitation, name: Gait training }\n  - id: round-2\n    interventions: [*rehab]',
    );
    const result = validateCaseText(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.caseFile.rounds[1]?.interventions?.[0]?.name).toBe('Gait training');
  });
});

describe('parseCaseText: what the data walk refuses', () => {
  it('finds duplicate keys, also a number and text that name the same key', () => {
    const issues = issuesOf('casereport: 1\nid: x\n1: a\n"1": b\nid: y\n');
    expect(issues.map((i) => [i.code, i.line, i.column, i.path.join('.')])).toEqual([
      ['duplicate-key', 4, 1, '1'],
      ['duplicate-key', 5, 1, 'id'],
    ]);
    expect(issues[1]?.message).toBe('duplicate key `id` (first at line 2)');
  });

  it('refuses `__proto__` as a key, which would otherwise vanish from the data', () => {
    const issues = issuesOf('casereport: 1\nassessments:\n  - subscores: { __proto__: 5 }\n');
    expect(issues).toMatchObject([{ code: 'reserved-key', line: 3, column: 18, path: ['assessments', 0, 'subscores', '__proto__'] }]);
  });

  it('refuses keys that are lists or mappings', () => {
    expect(issuesOf('casereport: 1\n? [a, b]\n: 1\n').map((i) => i.code)).toEqual(['complex-key']);
  });

  it('refuses an alias without an anchor before it, and an alias inside its own value', () => {
    expect(issuesOf('a: *x\nb: &x 1\n').map((i) => [i.code, i.line])).toEqual([['unknown-alias', 1]]);
    expect(issuesOf('a: &x [1, *x]\n').map((i) => [i.code, i.line, i.column])).toEqual([['alias-cycle', 1, 11]]);
  });

  it('refuses a flow-style alias bomb quickly, with bounded memory', { timeout: 30_000 }, () => {
    // Anchors and aliases written right after a colon, in JSON-like flow style: ~200 KB that stand
    // for fan³ observations, each walked by the schema.
    const fan = 4000;
    const many = (item: string) => Array.from({ length: fan }, () => item).join(',');
    const text = `{"casereport":1,"id":"bomb","patient":{"label":"P"},"condition":{"name":"x"},"adverse_events":[],
"e":&e [${many('"a"')}],
"o":&o [${many('{"evidence":*e}')}],
"r":&r [${many('{"id":"r","observations":*o}')}],
"rounds":*r}`;
    expect(text.length).toBeGreaterThan(150_000);
    const before = process.memoryUsage().heapUsed;
    const issues = validationIssues(text);
    expect(issues.map((i) => i.code)).toEqual(['alias-bomb']);
    expect(issues[0]?.message).toContain(MAX_ALIASED_VALUES.toLocaleString('en-US'));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses nesting deeper than the limit before it costs time or memory', () => {
    const compact = `casereport: 1\nx:\n  ${'- '.repeat(200_000)}x\n`;
    const flow = `casereport: 1\nx: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    for (const text of [compact, flow]) {
      const issues = issuesOf(text);
      expect(issues.map((i) => i.code)).toEqual(['too-deep']);
      expect(issues[0]?.message).toContain(String(MAX_NESTING));
    }
    const ok = `casereport: 1\nx: ${'['.repeat(MAX_NESTING - 2)}${']'.repeat(MAX_NESTING - 2)}\n`;
    expect(issuesOf(ok)).toEqual([]);
  });
});
