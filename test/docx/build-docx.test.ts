import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx, type DocxOptions } from '../../src/docx/build-docx.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32" width="64" height="32"><rect width="64" height="32" fill="#888"/></svg>';
const MARKDOWN = [
  '# 脊髓损伤 case',
  '',
  '## Results',
  '',
  '| Measure | Baseline | Change |',
  '|---|--:|--:|',
  '| SCIM III | 32 | +9 |',
  '',
  '![A chart](chart-1.svg)',
  '',
  '*Figure 1.* A chart.',
  '',
  '- one *item*',
  '  - nested **item**',
  '',
  '1. First reference.',
  '2. Second reference.',
  '',
].join('\n');

function options(language: string): DocxOptions {
  return {
    properties: { title: 'A <title> & more', subject: 'Case report', keywords: ['a', 'b'], language, date: '2024-06-15' },
    image: (url) => (url === 'chart-1.svg' ? { type: 'svg', data: Buffer.from(SVG) } : undefined),
    pageFooter: 'Page \u0001 of \u0002',
  };
}

async function parts(language = 'en'): Promise<Record<string, string>> {
  const files = unzipSync(await buildDocx(MARKDOWN, options(language)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.startsWith('word/media/') ? '' : strFromU8(data)]));
}

describe('buildDocx', () => {
  it("writes Word's own structure: Title and headings, a table whose header row repeats, lists, a figure and its caption", async () => {
    const { 'word/document.xml': doc = '' } = await parts();
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(doc).toContain('<w:pStyle w:val="Caption"/>');
    expect(doc).toContain('<w:drawing>');
    expect(doc).toContain('>1. </w:t>');
    expect(doc).toMatch(/<w:ilvl w:val="1"\/>/);
  });

  it('sets the language of East Asian text from the language of a Chinese, Japanese or Korean report', async () => {
    expect((await parts('zh-CN'))['word/styles.xml']).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect((await parts('en'))['word/styles.xml']).not.toMatch(/w:eastAsia="/);
  });

  it('escapes the core properties and fixes their dates, so the same input gives the same bytes', async () => {
    const core = (await parts())['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:title>A &lt;title&gt; &amp; more</dc:title>');
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(core).toMatch(/<dcterms:modified[^>]*>2024-06-15T00:00:00Z</);
    const [a, b] = await Promise.all([buildDocx(MARKDOWN, options('en')), buildDocx(MARKDOWN, options('en'))]);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('shows an image it cannot find as its text, and a footer with the page fields', async () => {
    const all = await parts();
    const footer = Object.entries(all).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toContain('Page ');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const files = unzipSync(await buildDocx('![Missing](nowhere.png)\n', options('en')));
    expect(strFromU8(files['word/document.xml'] ?? new Uint8Array())).toContain('Missing');
  });
});
