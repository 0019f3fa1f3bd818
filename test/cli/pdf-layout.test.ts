import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exampleText, ROOT } from '../helpers/cases.js';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { inspectPdf } from '../helpers/pdf.js';
import {
  marginsInPoints,
  readHtmlWords,
  readImagePlacements,
  readWordBoxes,
  type MarginsPt,
  type PageWords,
  type WordBox,
} from '../helpers/pdf-layout.js';

// How far (in points) a word's box may reach past the content area: glyph boxes are the font's
// ascent and descent, a little taller than the text, and a right-aligned digit may touch the edge.
const TOLERANCE = 1.5;

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length));
const TEMPLATES = ['care', 'care-full', 'bmj-case-reports', 'narrative'];

// What breaks layouts: a word wider than a table column or the page, a URL, a very long case id
// (the footer), a long title (the header), ISNCSCI scores with markers (wider myotome columns),
// tables with many columns (the ISNCSCI exams compared, the adverse events) and a wide image.
const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
const LONG_URL = `https://registry.example.org/studies/${'a1b2c3d4e5f6'.repeat(10)}/records?view=full&lang=en`;
const LONG_ID = `layout-${'w'.repeat(57)}`; // 64 characters, the longest id allowed

/**
 * Chromium prints a page whose content is too wide smaller, all of it, until it fits (and cuts off
 * what still does not): an overflow leaves no trace but the scale. A small image, which CSS draws
 * at 96 pixels to the inch, shows it: every case gets one as its first figure.
 */
const PROBE = { width: 48, height: 24 };
const PROBE_FIGURE = { file: 'probe.png', caption: 'A grey rectangle that shows the scale of the page' };

function withProbe(text: string): string {
  const c = parse(text) as Record<string, unknown>;
  c.figures = [PROBE_FIGURE];
  return stringify(c);
}

function stressCase(): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a case file as plain data, edited in place
  const c = parse(exampleText('sci-assessments')) as Record<string, any>;
  c.id = LONG_ID;
  c.title = `${LONG_WORD} ${LONG_URL}`;
  c.keywords = [LONG_WORD, LONG_URL];
  c.patient.label = LONG_WORD;
  c.patient.occupation = LONG_URL;
  c.condition.name = LONG_WORD;
  c.facility.name = LONG_WORD;
  const round = c.rounds[0];
  round.label = LONG_WORD;
  round.interventions[0].name = LONG_WORD;
  round.interventions[0].notes = `See ${LONG_URL}`;
  round.observations[0].site = LONG_WORD;
  round.observations[0].finding = `${LONG_WORD} ${LONG_URL}`;
  const baseline = c.assessments[0];
  baseline.label = LONG_WORD;
  baseline.examiner = LONG_URL;
  for (const side of ['right', 'left']) {
    baseline.exam[side].motor = {
      C5: 'NT**',
      C6: '4**',
      C7: '3*',
      C8: 'NT*',
      T1: '0**',
      L2: 'NT**',
      L3: '1*',
      L4: '0**',
      L5: 'NT',
      S1: '2**',
    };
  }
  // Twelve more visits: the results table has too many time points for one table across the page.
  for (let i = 1; i <= 12; i++) {
    c.assessments.push({
      id: `scim-visit-${i}`,
      instrument: 'scim-iii',
      label: i === 1 ? LONG_WORD : `Visit ${i}`,
      day: 190 + i * 10,
      score: 37 + (i % 4),
      subscores: { self_care: 8, respiration_sphincter: 20, mobility: 9 + (i % 3) },
    });
  }
  c.medications[0].name = LONG_WORD;
  c.medications[0].dose = LONG_URL;
  c.adverse_events = [
    { event: LONG_WORD, date: '2023-03-07', round: round.id, severity: 'mild', related: 'possible', outcome: LONG_WORD, notes: LONG_URL },
  ];
  c.events.push({ date: '2022-11-01', event: LONG_URL });
  c.patient_perspective.statement = `${LONG_WORD} ${LONG_URL}`;
  c.discussion.references.push(LONG_URL, LONG_WORD);
  c.provenance.notes = LONG_URL;
  c.figures = [PROBE_FIGURE, { file: 'wide.png', caption: LONG_WORD }];
  return stringify(c);
}

/** A solid-grey PNG of the given size. */
function greyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** A run of the CLI over one folder, and the margins (mm) it was given. */
interface Job {
  label: string;
  template: string;
  margins: MarginsPt;
  extra: string[];
  out: string;
  run?: CliRun;
}

/**
 * Text without spaces (nor the zero-width ones that let the header and footer break) and with
 * ligatures such as "ﬁ" spelt out, for comparing text that was broken across lines.
 */
const compact = (text: string): string => text.normalize('NFKC').replace(/[\s\u200b]+/g, '');
/** The same, in lower case: some headings are printed in capitals (text-transform). */
const compactLower = (text: string): string => compact(text).toLowerCase();

/** The words of the body (neither header nor footer), joined in the order they were painted. */
function bodyText(pages: PageWords[], margins: MarginsPt): string {
  return pages
    .flatMap(({ height, words }) => words.filter((w) => w.yMax > margins.top + TOLERANCE && w.yMin < height - margins.bottom - TOLERANCE))
    .map((w) => w.text)
    .join(' ');
}

/**
 * Words that lie outside the content area. The running header and footer may sit in the top and
 * bottom margins (inside the page), but only they: the header must read as the start of the title
 * and the footer as the case id and "page N of M".
 */
function findStrayWords(pages: PageWords[], margins: MarginsPt, title: string, id: string): string[] {
  const problems: string[] = [];
  const show = (page: number, word: WordBox, why: string): string =>
    `page ${page}: "${word.text}" [${word.xMin.toFixed(1)}, ${word.yMin.toFixed(1)}, ${word.xMax.toFixed(1)}, ${word.yMax.toFixed(1)}] ${why}`;
  pages.forEach(({ width, height, words }, index) => {
    const page = index + 1;
    const [left, right, top, bottom] = [margins.left, width - margins.right, margins.top, height - margins.bottom];
    const header: WordBox[] = [];
    const footer: WordBox[] = [];
    for (const word of words) {
      if (word.xMin < -TOLERANCE || word.yMin < -TOLERANCE || word.xMax > width + TOLERANCE || word.yMax > height + TOLERANCE) {
        problems.push(show(page, word, 'beyond the page edge'));
      } else if (word.yMax <= top + TOLERANCE) header.push(word);
      else if (word.yMin >= bottom - TOLERANCE) footer.push(word);
      else if (
        word.xMin < left - TOLERANCE ||
        word.xMax > right + TOLERANCE ||
        word.yMin < top - TOLERANCE ||
        word.yMax > bottom + TOLERANCE
      ) {
        problems.push(
          show(page, word, `outside the content area [${left.toFixed(1)}, ${top.toFixed(1)}, ${right.toFixed(1)}, ${bottom.toFixed(1)}]`),
        );
      }
    }
    // pdftotext -raw spells the ellipsis of a cut title as three dots.
    const shownTitle = compact(header.map((w) => w.text).join('')).replace(/(…|\.\.\.)$/, '');
    if (!shownTitle || !compact(title).startsWith(shownTitle))
      problems.push(`page ${page}: top margin reads "${shownTitle}", not the start of the title`);
    const footerText = ` ${footer.map((w) => w.text).join(' ')} `;
    const counter = ` page ${page} of ${pages.length} `;
    if (!footerText.includes(counter) || compact(footerText.replace(counter, ' ')) !== id) {
      problems.push(`page ${page}: bottom margin reads "${footerText.trim()}", not "${id}" and "${counter.trim()}"`);
    }
  });
  return problems;
}

describe('PDF layout: nothing extends beyond the page margins', () => {
  const dir = tempDir();
  const cases = join(dir, 'cases');
  const DEFAULT_MM: MarginsPt = { top: 20, right: 18, bottom: 20, left: 18 };
  const jobs: Job[] = [
    ...TEMPLATES.map((template) => ({ label: `${template}, A4`, template, margins: DEFAULT_MM, extra: [], out: join(dir, template) })),
    // Other page size, uneven margins: the content area follows the options, not fixed numbers.
    {
      label: 'care, Letter, uneven margins',
      template: 'care',
      margins: { top: 15, right: 30, bottom: 25, left: 12 },
      extra: ['--page-size', 'letter'],
      out: join(dir, 'letter'),
    },
  ];
  const ids = [...EXAMPLES, LONG_ID];

  beforeAll(() => {
    mkdirSync(cases);
    for (const name of EXAMPLES) writeFileSync(join(cases, `${name}.yaml`), withProbe(exampleText(name)));
    writeFileSync(join(cases, 'stress.yaml'), stressCase());
    writeFileSync(join(cases, 'probe.png'), greyPng(PROBE.width, PROBE.height));
    writeFileSync(join(cases, 'wide.png'), greyPng(3000, 240));
    for (const job of jobs) {
      const { top, right, bottom, left } = job.margins;
      const margin = `${top}mm,${right}mm,${bottom}mm,${left}mm`;
      job.run = runCli([
        'render',
        cases,
        '--format',
        'html,pdf',
        '--template',
        job.template,
        '--margin',
        margin,
        ...job.extra,
        '--out-dir',
        job.out,
      ]);
    }
  });

  it('renders every example and the stress case with each template', () => {
    for (const job of jobs) {
      expect(job.run?.stderr, job.label).toContain(`${ids.length} rendered, 0 failed`);
      expect(job.run?.code, job.label).toBe(0);
    }
  });

  for (const job of jobs) {
    for (const id of ids) {
      const name = id === LONG_ID ? 'the stress case' : id;
      it(`${job.label}: every word of ${name} lies within the content area; only the header and footer are in the margins`, async () => {
        const file = join(job.out, `${id}.pdf`);
        const { info } = await inspectPdf(readFileSync(file));
        const pages = readWordBoxes(file);
        expect(pages.length).toBeGreaterThan(0);
        expect(findStrayWords(pages, marginsInPoints(job.margins), info.Title ?? '', id)).toEqual([]);
      });

      // Chromium clips what overflows the page at the content area: a cut-off column leaves no
      // word outside it, only words missing. Every word of the HTML report must be in the PDF.
      it(`${job.label}: no word of ${name} is cut off`, () => {
        const printed = compactLower(bodyText(readWordBoxes(join(job.out, `${id}.pdf`)), marginsInPoints(job.margins)));
        const words = readHtmlWords(readFileSync(join(job.out, `${id}.html`), 'utf8'));
        expect(words.length).toBeGreaterThan(50);
        expect(words.filter((word) => !printed.includes(compactLower(word)))).toEqual([]);
      });

      it(`${job.label}: ${name} prints at full size, and every image fits the content area`, async () => {
        const file = join(job.out, `${id}.pdf`);
        const images = await readImagePlacements(readFileSync(file));
        const probe = images.find((image) => image.pixelWidth === PROBE.width && image.pixelHeight === PROBE.height);
        // 96 CSS pixels to the inch, 72 points: any other width means the page was shrunk to fit.
        expect(probe, 'the probe image').toBeDefined();
        expect(((probe?.xMax ?? 0) - (probe?.xMin ?? 0)) / PROBE.width).toBeCloseTo(72 / 96, 4);
        const margins = marginsInPoints(job.margins);
        const [firstPage] = readWordBoxes(file);
        const [left, right] = [margins.left, (firstPage?.width ?? 0) - margins.right];
        const outside = images.filter((image) => image.xMin < left - TOLERANCE || image.xMax > right + TOLERANCE);
        expect(outside).toEqual([]);
      });
    }
  }

  it('prints every long word and the URL whole, even where they had to be broken', async () => {
    const { text } = await inspectPdf(readFileSync(join(dir, 'care', `${LONG_ID}.pdf`)));
    expect(compact(text)).toContain(LONG_WORD);
    expect(compact(text)).toContain(LONG_URL);
    expect(await readImagePlacements(readFileSync(join(dir, 'care', `${LONG_ID}.pdf`)))).toHaveLength(2);
  });
});
