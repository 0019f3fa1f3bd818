import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exampleText, ROOT } from '../helpers/cases.js';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { inspectPdf, type PdfFacts } from '../helpers/pdf.js';
import { PROSE_CASE } from '../helpers/prose-case.js';

const CARE_SECTIONS = [
  'Abstract',
  'Introduction',
  'Patient information',
  'Clinical findings',
  'Timeline',
  'Diagnostic assessment',
  'Therapeutic intervention',
  'Follow-up and outcomes',
  'Adverse events',
  'Discussion',
  'Patient perspective',
  'Informed consent',
];

const HOSTILE =
  'casereport: 1\nid: hostile\npatient:\n  label: "<script>document.title=\'PWNED\'</script>"\n' +
  'condition:\n  name: "<img src=\\"file:///etc/passwd\\"> {{@css}}"\nrounds:\n  - id: r1\n    notes: "<iframe src=\\"http://127.0.0.1:9/\\"></iframe>"\nadverse_events: []\n';

function cjkCase(): string {
  const c = parse(exampleText('minimal')) as Record<string, unknown>;
  c.id = 'cjk';
  c.facility = { name: '北京普华国际医院', city: 'Beijing', country: 'China' };
  return stringify(c);
}

describe('render --format pdf', () => {
  const dir = tempDir();
  const cases = join(dir, 'cases');
  const out = join(dir, 'out');
  let run: CliRun;
  const facts: Record<string, PdfFacts> = {};

  beforeAll(async () => {
    mkdirSync(cases);
    writeFileSync(join(cases, 'steven-sci.yaml'), exampleText('steven-sci'));
    writeFileSync(join(cases, 'hostile.yaml'), HOSTILE);
    writeFileSync(join(cases, 'cjk.yaml'), cjkCase());
    writeFileSync(join(cases, 'prose.yaml'), PROSE_CASE.replace(/^id: .*$/m, 'id: prose'));
    run = runCli(['render', cases, '--format', 'pdf', '--out-dir', out]);
    for (const id of ['steven-sci', 'hostile', 'cjk', 'prose']) {
      const file = join(out, `${id}.pdf`);
      if (existsSync(file)) facts[id] = await inspectPdf(readFileSync(file));
    }
  });

  it('renders every case of a folder with one command and exits 0', () => {
    expect(run.stderr).toContain('4 rendered, 0 failed');
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['cjk.pdf', 'hostile.pdf', 'prose.pdf', 'steven-sci.pdf']);
  });

  it("prints the author's prose with numbered citations and the references in citation order", () => {
    const text = (facts.prose?.text ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('A short abstract of the case.');
    expect(text).toContain('This was seen before [1], and explained [2].');
    expect(text).toContain('Learning points');
    expect(text).toMatch(/References 1\. Second reference, as written\. 2\. Smith J\. First reference\. J Test\. 2020\./);
  });

  it('prints every CARE section, in order, with "page X of Y" and the case id in the footer', () => {
    const text = facts['steven-sci']?.text ?? '';
    let at = -1;
    for (const section of CARE_SECTIONS) {
      const next = text.indexOf(section, at + 1);
      expect(next, `${section} after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    const pages = Number(facts['steven-sci']?.info.Pages);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`page 1 of ${pages}`);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain('steven-sci');
  });

  it('sets the metadata title, tags the PDF and builds an outline from the headings', () => {
    const steven = facts['steven-sci'];
    expect(steven?.info.Title).toBe('Stem cell treatment for spinal cord injury: a case report');
    expect(steven?.info.Tagged).toBe('yes');
    expect(steven?.info.Keywords).toContain('spinal cord injury');
    expect(steven?.outline.map((t) => t.trim())).toEqual(expect.arrayContaining(['Abstract', 'Adverse events', 'Discussion']));
    expect(steven?.language).toBe('en');
  });

  it('prints hostile text literally, runs none of it and loads nothing', () => {
    const hostile = facts.hostile;
    expect(hostile?.text).toContain("<script>document.title='PWNED'</script>");
    expect(hostile?.text).toContain('<img src="file:///etc/passwd">');
    expect(hostile?.text).toContain('{{@css}}');
    expect(hostile?.info.Title).not.toContain('PWNED');
    expect(hostile?.text).not.toMatch(/root:x?:0:0/);
  });

  it('prints Chinese text as text', () => {
    expect(facts.cjk?.text).toContain('北京普华国际医院');
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(out).filter((f) => f.includes('tmp'))).toEqual([]);
  });
});

describe('render --format pdf failures', () => {
  it('times out a report with its own exit code and keeps the existing PDF', () => {
    const dir = tempDir();
    const old = join(dir, 'minimal.pdf');
    writeFileSync(old, 'OLD');
    const run = runCli(['render', 'examples/minimal.yaml', '--format', 'pdf', '--out-dir', dir, '--timeout', '0.001', '--force']);
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/tim(ed|e) ?out/i);
    expect(readFileSync(old, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['minimal.pdf']);
  });

  it('exits 5 and says how to get a browser when none is at --browser-path', () => {
    const run = runCli([
      'render',
      'examples/minimal.yaml',
      '--format',
      'pdf',
      '--out-dir',
      tempDir(),
      '--browser-path',
      '/nonexistent/chrome',
    ]);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('/nonexistent/chrome');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).toContain('npx puppeteer browsers install chrome');
  });

  it('embeds a figure resolved relative to the case file, not the working directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'case', 'img'), { recursive: true });
    copyFileSync(join(ROOT, 'test', 'fixtures', 'figures', 'red-square.png'), join(dir, 'case', 'img', 'red.png'));
    const c = parse(exampleText('minimal')) as Record<string, unknown>;
    c.figures = [{ file: 'img/red.png', caption: 'A red square' }];
    writeFileSync(join(dir, 'case', 'fig.yaml'), stringify(c));
    const run = runCli(['render', 'case/fig.yaml', '--format', 'html', '--out-dir', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'minimal.html'), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    expect(html).toContain('A red square');
  });

  it('refuses a figure outside the case folder or one that is not an image', () => {
    const dir = tempDir();
    const c = parse(exampleText('minimal')) as Record<string, unknown>;
    c.figures = [
      { file: '../../../../etc/passwd', caption: 'x' },
      { file: 'fake.png', caption: 'y' },
    ];
    writeFileSync(join(dir, 'fake.png'), 'not an image');
    writeFileSync(join(dir, 'fig.yaml'), stringify(c));
    const run = runCli(['render', join(dir, 'fig.yaml'), '--format', 'html', '--out-dir', dir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("is outside the case file's folder");
    expect(run.stderr).toContain('is not a PNG, JPEG, GIF or WebP image');
  });
});

describe('doctor', () => {
  it('passes on this machine', () => {
    const run = runCli(['doctor']);
    expect(run.stdout).toContain('printed a one-page test PDF');
    expect(run.code).toBe(0);
  });

  it('fails with a useful message when --browser-path points at nothing', () => {
    const run = runCli(['doctor', '--browser-path', '/nonexistent/chrome']);
    expect(run.code).toBe(5);
    expect(run.stdout).toContain('FAIL browser');
    expect(run.stdout).toContain('apt-get install chromium');
  });
});

describe('the journal-length care report in print', () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  let facts: Record<string, PdfFacts> = {};

  beforeAll(async () => {
    const rehab = join(ROOT, 'test', 'fixtures', 'published', 'rehab-three-phase.yaml');
    const run = runCli(['render', join(ROOT, 'examples', 'sci-assessments.yaml'), rehab, '--format', 'pdf', '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    facts = {
      sci: await inspectPdf(readFileSync(join(out, 'sci-assessments.pdf'))),
      rehab: await inspectPdf(readFileSync(join(out, 'rehab-three-phase.pdf'))),
    };
  });

  it('prints examples/sci-assessments.yaml on 8 pages or fewer, its results table with every measure once', () => {
    expect(Number(facts.sci?.info.Pages)).toBeLessThanOrEqual(8);
    const text = (facts.sci?.text ?? '').replace(/\s+/g, ' ');
    // Each measure on one row, its value at every visit (— where it was not assessed then).
    expect(text).toMatch(/ 32 37 41 \+9 4 \[1, 2\] yes /);
    expect(text).toMatch(/UEMS 18 — 24 \+6/);
    expect(text).toMatch(/WISCI II 0 0 1 \+1 1 \(MDC\) beyond the \[3, 4\] MDC/);
    expect(text).not.toContain('Source of information');
  });

  it('prints a published three-phase case with seven visits on 6 pages or fewer, every visit a column of one results table', () => {
    expect(Number(facts.rehab?.info.Pages)).toBeLessThanOrEqual(6);
    const text = (facts.rehab?.text ?? '').replace(/\s+/g, ' ');
    expect(text).toMatch(/AIS grade A A A C C C C \+2 grades/);
    expect(text).toMatch(/FIM motor 23 40 40 41 45 53 57 \+34/);
  });
});
