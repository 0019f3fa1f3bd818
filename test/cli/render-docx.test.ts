import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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
    // Seven charts: UEMS, LEMS, motor total, light touch, pin prick, SCIM III, WISCI II.
    expect(all(blocks, 'Image')).toHaveLength(7);
    for (let n = 1; n <= 7; n++) expect(plain).toContain(`Figure ${n}.`);
    const parts = unzipSync(readFileSync(file));
    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(7);
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

  it("is a zip of well-formed XML parts (read by a real XML parser, Python's)", () => {
    const script = [
      'import sys, zipfile, xml.dom.minidom',
      'z = zipfile.ZipFile(sys.argv[1])',
      'names = [n for n in z.namelist() if n.endswith((".xml", ".rels"))]',
      'for n in names: xml.dom.minidom.parseString(z.read(n))',
      'print(len(names))',
    ].join('\n');
    for (const name of ['steven-sci.docx', 'sci-assessments.docx']) {
      const check = spawnSync('python3', ['-c', script, join(out, name)], { encoding: 'utf8' });
      expect(check.status, `${name}: ${check.stderr}`).toBe(0);
      expect(Number(check.stdout)).toBeGreaterThan(10);
    }
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

  it('writes each chart as a PNG file of 300 dpi beside the report with --figures png, and as SVG with --figures svg', () => {
    const dir = tempDir();
    const example = join(ROOT, 'examples', 'sci-assessments.yaml');
    // --figures alone means PNG.
    expect(runCli(['render', example, '--format', 'docx', '--figures', '--out-dir', dir]).code).toBe(0);
    for (let n = 1; n <= 5; n++) {
      const png = readFileSync(join(dir, `sci-assessments-figure-${n}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const at = png.indexOf('pHYs');
      expect(at).toBeGreaterThan(0);
      const dpi = png.readUInt32BE(at + 4) * 0.0254;
      expect(Math.round(dpi)).toBeGreaterThanOrEqual(300);
      expect(png.readUInt8(at + 12)).toBe(1); // per metre
    }
    const svgs = tempDir();
    expect(runCli(['render', example, '--format', 'md', '--figures', 'svg', '--out-dir', svgs]).code).toBe(0);
    expect(readFileSync(join(svgs, 'sci-assessments-figure-1.svg'), 'utf8')).toMatch(/^<svg /);
    expect(runCli(['render', example, '--format', 'md', '--figures', 'gif', '--out-dir', svgs]).code).toBe(2);
  });

  it("takes the styles of a template's reference.docx: its heading font", () => {
    const dir = tempDir();
    const reference = execFileSync('pandoc', ['--print-default-data-file', 'reference.docx']);
    const parts = unzipSync(reference);
    const styles = strFromU8(parts['word/styles.xml'] ?? new Uint8Array()).replace(
      /(w:styleId="Heading1"[\s\S]*?<w:rPr>)/,
      '$1<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>',
    );
    parts['word/styles.xml'] = strToU8(styles);
    writeFileSync(join(dir, 'journal.docx'), zipSync(parts));
    writeFileSync(join(dir, 'template.json'), JSON.stringify({ name: 'journal', extends: 'care', reference_docx: 'journal.docx' }));
    const out = join(dir, 'out');
    const run = runCli(['render', join(ROOT, 'examples', 'minimal.yaml'), '--template', dir, '--format', 'docx', '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    const written = strFromU8(unzipSync(readFileSync(join(out, 'minimal.docx')))['word/styles.xml'] ?? new Uint8Array());
    expect(/w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(written)?.[0]).toContain('Courier New');
    // A reference that is not a Word file is a template error (exit 4), located in template.json.
    writeFileSync(join(dir, 'journal.docx'), 'not a zip');
    const bad = runCli(['render', join(ROOT, 'examples', 'minimal.yaml'), '--template', dir, '--format', 'docx', '--out-dir', out]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/journal\.docx. is not a Word document/);
  });

  it('keeps Chinese case text, renders in a batch with md and pdf, and is skipped when up to date', () => {
    const dir = tempDir();
    const cases = join(dir, 'cases');
    mkdirSync(cases);
    const source = readFileSync(join(ROOT, 'examples', 'minimal.yaml'), 'utf8');
    writeFileSync(join(cases, 'zh.yaml'), source.replace(/^id: .*$/m, 'id: zh\ntitle: 脊髓损伤患者的病例报告'));
    writeFileSync(join(cases, 'min.yaml'), readFileSync(join(ROOT, 'examples', 'minimal.yaml')));
    const out = join(dir, 'out');
    const run = runCli(['render', cases, '--format', 'md,docx,pdf', '--out-dir', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).rendered).toBe(2);
    // The title is Word's Title style, which Pandoc reads as the document's title.
    expect(text(pandoc(join(out, 'zh.docx')).meta).replace(/ /g, '')).toContain('脊髓损伤患者的病例报告');
    // A second run skips what is up to date, docx included.
    const again = runCli(['render', cases, '--format', 'md,docx,pdf', '--out-dir', out, '--json']);
    expect(JSON.parse(again.stdout).skipped).toBe(2);
  });
});
