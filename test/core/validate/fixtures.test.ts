import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../src/core/errors.js';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'invalid');

/** Each fixture states what it must produce in `# expect: LINE:COL CODE PATH | HINT-OR-MESSAGE-PART` lines. */
function expectations(text: string): { line: number; column: number; code: string; path: string; part?: string }[] {
  return [...text.matchAll(/^# expect: (\d+):(\d+) (\S+) (\S+)(?: \| (.+))?$/gm)].map((m) => ({
    line: Number(m[1]),
    column: Number(m[2]),
    code: m[3] as string,
    path: m[4] as string,
    ...(m[5] ? { part: m[5] } : {}),
  }));
}

describe('invalid case fixtures', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

  it('has a fixture for each kind of error', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('%s reports what it expects, where it expects it', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const wanted = expectations(text);
    expect(wanted.length).toBeGreaterThan(0);
    const result = validateCaseText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const want of wanted) {
      const match = result.issues.find((i) => i.code === want.code && i.line === want.line && i.column === want.column);
      expect(match, `${want.code} at ${want.line}:${want.column} in ${JSON.stringify(result.issues)}`).toBeDefined();
      expect(formatPath(match?.path ?? [])).toBe(want.path);
      if (want.part) expect(`${match?.message} ${match?.hint ?? ''}`).toContain(want.part);
    }
    expect(result.issues).toHaveLength(wanted.length);
  });
});
