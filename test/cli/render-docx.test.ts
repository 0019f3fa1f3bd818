import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { runCli, tempDir } from '../helpers/cli.js';

interface PandocNode {
  t: string;
  c?: unknown;
}

/** The docx read back by Pandoc, a real reader of Word files: its JSON syntax tree and its plain text. */
function pandoc(file: string): { blocks: PandocNode[]; meta: Record<string, unknown>; plain: string } {
  const json = JSON.parse(execFileSync('pandoc', ['-f', 'docx', '-t', 'json', file], { encoding: 'utf8' })) as {
    blocks: PandocNode[];
    meta: Record<string, unknown>;
  };
  const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
  return { ...json, plain };
}

/** Every node of a kind, depth first. */
function all(node: unknown, kind: string, found: PandocNode[] = []): PandocNode[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, kind, found));
  else if (node !== null && typeof node === 'object') {
    if ((node as PandocNode).t === kind) found.push(node as PandocNode);
    Object.values(node).forEach((v) => all(v, kind, found));
  }
  return found;
}

/** The plain words of a node. */
function text(node: unknown): string {
  return all(node, 'Str')
    .map((s) => String(s.c))
    .join(' ');
}

describe('render --format docx', () => {
  const out = tempDir();
  const again = tempDir();
  beforeAll(() => {
    const cases = ['steven-sci', 'sci-assessments'].map((name) => join(ROOT, 'examples', `${name}.yaml`));
    const first = runCli(['render', ...cases, '--format', 'docx', '--out-dir', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(runCli(['render', ...cases, '--format', 'docx', '--out-dir', again]).code).toBe(0);
  });

  it('writes a Word file Pandoc reads with every section heading in order and every observation with its source label', () => {
    const { blocks, plain } = pandoc(join(out, 'steven-sci.docx'));
    const headings = all(blocks, 'Header')
      .filter((h) => (h.c as unknown[])[0] === 1)
      .map(text);
    const care = ['Keywords', 'Abstract', 'Introduction', 'Patient information', 'Clinical findings', 'Timeline', 'Diagnostic assessment'];
    expect(headings.slice(0, care.length)).toEqual(care);
    expect(headings).toContain('Therapeutic intervention');
    expect(headings.indexOf('Discussion')).toBeGreaterThan(headings.indexOf('Adverse events'));
    expect(plain).toMatch(/some hand and finger movement regained — self-reported, not measured/);
    expect(plain).toMatch(/his support system noticed better motor function overall — caregiver-reported, not measured/);
  });

  it('holds a real results table with a header row, one embedded PNG per chart and captions from "Figure 1" on', () => {
    const file = join(out, 'sci-assessments.docx');
    const { blocks, plain } = pandoc(file);
    const tables = all(blocks, 'Table');
    const results = tables.find((t) => text(t).includes('SCIM III') && text(t).includes('Change reaches it?'));
    expect(results, 'the results table').toBeDefined();
    // Pandoc reads the table's first row as its head only when Word marks it as a header row.
    expect(text((results?.c as unknown[])[3])).toContain('Baseline');
    expect(all(blocks, 'Image')).toHaveLength(5);
    for (let n = 1; n <= 5; n++) expect(plain).toContain(`Figure ${n}.`);
    const parts = unzipSync(readFileSync(file));
    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(5);
    for (const name of media) expect([...(parts[name] ?? []).slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(strFromU8(parts['word/document.xml'] ?? new Uint8Array())).toContain('<w:tblHeader/>');
    expect(plain).toMatch(/References\s+1\. Scivoletto G, Tamburella F/);
  });

  it('gives the file its core properties and page numbers in the footer', () => {
    const parts = unzipSync(readFileSync(join(out, 'sci-assessments.docx')));
    const core = strFromU8(parts['docProps/core.xml'] ?? new Uint8Array());
    expect(core).toContain('<dc:title>Two rounds of intrathecal autologous mesenchymal stromal cells');
    expect(core).toContain('<dc:creator>A. Example</dc:creator>');
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(core).toContain('<cp:keywords>spinal cord injury, mesenchymal stromal cells');
    expect(core).toMatch(/<dcterms:created[^>]*>2024-06-15T00:00:00Z</);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1];
    expect(strFromU8(footer ?? new Uint8Array())).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('is byte for byte the same when the same case is rendered again', () => {
    for (const name of ['steven-sci.docx', 'sci-assessments.docx'])
      expect(Buffer.compare(readFileSync(join(out, name)), readFileSync(join(again, name))), name).toBe(0);
  });

  it('renders with every built-in template', () => {
    for (const template of ['care', 'care-full', 'narrative', 'bmj-case-reports']) {
      const dir = tempDir();
      const run = runCli([
        'render',
        join(ROOT, 'examples', 'sci-assessments.yaml'),
        '--template',
        template,
        '--format',
        'docx',
        '--out-dir',
        dir,
      ]);
      expect(run.code, `${template}: ${run.stderr}`).toBe(0);
      expect(all(pandoc(join(dir, 'sci-assessments.docx')).blocks, 'Header').length, template).toBeGreaterThan(5);
    }
  });
});
