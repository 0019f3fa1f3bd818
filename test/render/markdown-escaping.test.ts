import { describe, expect, it } from 'vitest';
import { escapeMarkdownText } from '../../src/render/escape-markdown.js';
import { htmlStructure, htmlTextContent, markdownToHtml } from '../helpers/markdown.js';
import { HOSTILE_SAMPLES, hostileCase, plainTwin, readableText } from './hostile-text.js';
import { ALL_CASES, BUILT_IN, exampleModel, render } from './render-case.js';

/**
 * Where templates put a value (`V`): alone on a line, after a paragraph line, after list markers,
 * in table cells, inside emphasis, link and image texts, headings and block quotes, mid-sentence.
 */
const POSITIONS = [
  'V',
  'Some text.\nV',
  'V\nMore text.',
  'V\n\n---\n\nEnd.',
  '- V\n- V',
  '1. V',
  '- **Name**\n  - Product: V\n  - Dose: V',
  '| A | B |\n|---|--:|\n| V | V |\n| V | x |',
  '- **V** (x)\n- *Improved:* V — *V* (V; V)',
  '**Expectations:** V\n\n**V**',
  '![V](a.png)\n\n[V](b.html)',
  '# V\n\n### V\n\nText.',
  '> "V"\n>\n> — V',
  'Ethnicity: V. Scope: V',
  '- V\n\nV\n\n1. V',
];

/** Samples that can be counted in a report: long, and not a part of another sample. */
const COUNTABLE = new Set(
  HOSTILE_SAMPLES.map(readableText).filter((text, i, all) => text.length >= 8 && all.every((other, j) => j === i || !other.includes(text))),
);

function structureOf(md: string): string[] {
  return htmlStructure(markdownToHtml(md));
}

function occurrences(text: string, needle: string): number {
  return needle === '' ? 0 : text.toLowerCase().split(needle.toLowerCase()).length - 1;
}

describe('escapeMarkdownText', () => {
  it.each(HOSTILE_SAMPLES.map((s) => [JSON.stringify(s), s]))('keeps %s literal text in every position', (_, sample) => {
    const twin = plainTwin(sample);
    for (const position of POSITIONS) {
      const hostile = position.replaceAll('V', escapeMarkdownText(sample));
      const html = markdownToHtml(hostile);
      expect(htmlStructure(html), `${position}\n---\n${hostile}`).toEqual(structureOf(position.replaceAll('V', escapeMarkdownText(twin))));
      // Shorter texts (`x`, `-`) are also in the words around them: their structure is what counts.
      if (readableText(sample).length < 3) continue;
      const text = htmlTextContent(html);
      expect(occurrences(text, readableText(sample)), `${position}\n---\n${hostile}\n---\n${text}`).toBe(position.split('V').length - 1);
    }
  });

  it('returns plain text as it is, and the same string', () => {
    for (const text of [
      '',
      'walks further',
      'UEMS 18/50 (+6), 2023-02-14; 6.5',
      '-3',
      '+9',
      '32',
      'C5–C6',
      'day 2 "quoted"',
      'R&D, 100%',
    ]) {
      expect(escapeMarkdownText(text)).toBe(text);
    }
  });

  it('makes one line of every kind of line break', () => {
    for (const br of ['\r', '\n', '\r\n', '\u0085', '\u2028', '\u2029', '\v', '\f']) {
      expect(escapeMarkdownText(`fall${br}| injected | row |`)).toBe('fall \\| injected \\| row \\|');
    }
  });
});

describe('Markdown reports with hostile text in every free-text field', () => {
  // Each case twice, its fields holding different samples: every sample lands in several kinds of field.
  const runs = ALL_CASES.flatMap((name) =>
    [0, 1].map((n) => [name, n * Math.ceil(HOSTILE_SAMPLES.length / 2) + ALL_CASES.indexOf(name)] as const),
  );

  describe.each(BUILT_IN)('template %s', (template) => {
    it.each(runs)('has the structure of its plain-text twin: %s, samples shifted by %i', (name, shift) => {
      const { hostile, twin, fields } = hostileCase(name, shift);
      expect(fields.length).toBeGreaterThanOrEqual(name === 'minimal' ? 2 : 25);
      const hostileHtml = markdownToHtml(render(template, 'md', hostile));
      const twinHtml = markdownToHtml(render(template, 'md', twin));
      expect(htmlStructure(hostileHtml)).toEqual(htmlStructure(twinHtml));
      // Each sample is in the text as often as the twins of the fields that hold it.
      const hostileText = htmlTextContent(hostileHtml);
      const twinText = htmlTextContent(twinHtml);
      const expected = new Map<string, number>();
      for (const field of fields) {
        const readable = readableText(field.sample);
        if (COUNTABLE.has(readable)) expected.set(readable, (expected.get(readable) ?? 0) + occurrences(twinText, field.twin));
      }
      const printed = [...expected.values()].reduce((a, b) => a + b, 0);
      if (name !== 'minimal') expect(printed).toBeGreaterThan(5);
      for (const [readable, count] of expected) expect(occurrences(hostileText, readable), readable).toBe(count);
    });
  });
});

describe('figure links in Markdown', () => {
  it.each(BUILT_IN)('point at the figure file whatever its name (%s)', (template) => {
    const model = exampleModel('every-field');
    const href = '../figures/javascript:alert(1) my [figure] (1)!*_`<b>#%20.png';
    model.figures = [{ number: 1, file: 'x.png', caption: 'A caption', alt: 'An *alt* text', href }];
    const html = markdownToHtml(render(template, 'md', model));
    const images = [...html.matchAll(/<img src="([^"]*)" alt="([^"]*)"/g)];
    expect(images.map(([, src]) => decodeURIComponent((src ?? '').replaceAll('&amp;', '&')))).toContain(href);
    expect(images.map(([, , alt]) => alt)).toContain('An *alt* text');
  });
});
