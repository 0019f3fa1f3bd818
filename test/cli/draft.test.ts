import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleText } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('casereport draft', () => {
  it("prints the generated abstract and discussion as YAML that, pasted into the case, renders as the author's", () => {
    const dir = tempDir();
    const file = join(dir, 'case.yaml');
    writeFileSync(file, exampleText('sci-assessments'));
    const run = runCli(['draft', file]);
    expect(run.code).toBe(0);
    const draft = parse(run.stdout) as { abstract: string; discussion: { text: string[] } };
    expect(draft.abstract).toMatch(/^We report a 34-year-old woman/);
    expect(draft.discussion.text.join(' ')).toContain('Treatment began 9 months after onset');

    const edited = { ...draft, abstract: `${draft.abstract} Edited by the author.` };
    const withDraft = parse(exampleText('sci-assessments')) as Record<string, unknown>;
    withDraft.abstract = edited.abstract;
    writeFileSync(join(dir, 'edited.yaml'), JSON.stringify(withDraft));
    const rendered = runCli(['render', join(dir, 'edited.yaml'), '--format', 'md', '-o', '-']);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toContain('Edited by the author.');
  });

  it('exits 3 with the located errors of an invalid file', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'casereport: 1\nid: bad\n');
    const run = runCli(['draft', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('bad.yaml:');
    expect(run.stdout).toBe('');
  });
});
