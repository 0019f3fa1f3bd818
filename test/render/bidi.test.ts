import { describe, expect, it } from 'vitest';
import { createHandlebars, precompileSource, specFromCode } from '../../src/render/handlebars-env.js';
import { isolateBidi } from '../../src/render/isolate-bidi.js';
import { firstReorderedLetter } from '../helpers/bidi.js';
import { hostileCase } from './hostile-text.js';
import { BUILT_IN, render } from './render-case.js';

/** Overrides, embeddings and isolates, opened and never closed, closed and never opened. */
const BIDI_SAMPLES = [
  '\u202eRTL-override',
  'note\u202b',
  '\u2067abc',
  'a\u2069b\u202d c',
  'שלום \u202e123',
  'abc\u2029\u202edef',
  '\u202a\u202c\u202c\u2069\u2069 z',
  'x\u2068y',
];

const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'mark']);

/**
 * The text of an HTML report as a browser lays it out: one bidi paragraph per block element, an
 * isolate for each <bdi dir="ltr">,
 * Handlebars' character references decoded, and each attribute value a paragraph of its own (an
 * image's alternative text, the metadata). The style element is not text.
 */
function htmlParagraphs(html: string): string {
  const attributes = [...html.matchAll(/\s[\w-]+="([^"]*)"/g)].map(([, value]) => value ?? '');
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/g, '\n')
    // What <bdi dir="ltr"> does: a left-to-right isolate.
    .replace(/<bdi dir="ltr">/g, '\u2066')
    .replace(/<\/bdi>/g, '\u2069')
    .replace(/<\/?([a-zA-Z][\w-]*)[^>]*>/g, (_, tag: string) => (INLINE.has(tag.toLowerCase()) ? '' : '\n'));
  return [text, ...attributes].join('\n').replace(/&(amp|lt|gt|quot|#x27|#x60|#x3D);/g, (ref: string) => DECODE[ref] ?? ref);
}

const DECODE: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x60;': '`',
  '&#x3D;': '=',
};

describe('isolateBidi', () => {
  it('returns text without bidi characters as it is', () => {
    for (const text of ['', 'walks further', 'C5–C6, 6.5 ± 1', 'Zürich, 東京, Ελλάδα, Москва']) expect(isolateBidi(text)).toBe(text);
  });

  it('isolates right-to-left text left to right, keeping its letters and marks', () => {
    expect(isolateBidi('שלום 12')).toBe('\u2066שלום 12\u2069');
    expect(isolateBidi('مرحبا\u200f!')).toBe('\u2066مرحبا\u200f!\u2069');
  });

  it('removes embeddings, overrides and isolates, and paragraph breaks that would end the isolate', () => {
    for (const sample of BIDI_SAMPLES) {
      const out = isolateBidi(sample);
      expect(out.startsWith('\u2066') && out.endsWith('\u2069'), sample).toBe(true);
      expect(out.slice(1, -1), sample).not.toMatch(/[\u202a-\u202e\u2066-\u2069\n\r\u0085\u2029]/);
      expect(firstReorderedLetter(`before ${out} after`), sample).toBeUndefined();
    }
  });
});

describe('HTML templates', () => {
  it('isolate bidi text with <bdi> where tags are read, and with LRI...PDI where they are not', () => {
    const source =
      '<p title="{{v}}">{{v}}</p><title>{{v}}</title>{{#if v}}<img alt=\'{{v}}\'{{#if v}} data-x="a>{{v}}"{{/if}}>{{/if}}' +
      '<style>{{v}}</style><!-- {{v}} --><br>{{#each list}}<i>{{this}}</i>{{/each}}';
    const template = createHandlebars('html').template(specFromCode(precompileSource('html', source)));
    const [bdi, lri] = ['<bdi dir="ltr">\u05d0</bdi>', '\u2066\u05d0\u2069'];
    expect(template({ v: '\u202e\u05d0', list: ['\u05d0'] })).toBe(
      `<p title="${lri}">${bdi}</p><title>${lri}</title><img alt='${lri}' data-x="a>${lri}">` +
        `<style>${lri}</style><!-- ${lri} --><br><i>${bdi}</i>`,
    );
  });
});

describe('HTML reports with bidi controls in every free-text field', () => {
  it.each(BUILT_IN)('keep their own words in order (%s)', (template) => {
    for (const name of ['every-field', 'sci-assessments']) {
      const { hostile } = hostileCase(name, 0, BIDI_SAMPLES);
      const html = render(template, 'html', hostile);
      const text = htmlParagraphs(html);
      expect(text).toContain('RTL-override');
      expect(firstReorderedLetter(text), name).toBeUndefined();
      // <bdi> in text; in attributes and the title, where a tag is not read, LRI...PDI.
      expect(html).toContain('<bdi dir="ltr">RTL-override</bdi>');
      expect(html).toMatch(/<title>\u2066[^<]+\u2069<\/title>/);
      expect(html).toMatch(/ content="[^"]*\u2066[^"]*\u2069/);
      for (const tag of html.match(/<(?!\/?bdi)[^>]*>/g) ?? []) expect(tag).not.toContain('bdi');
    }
  });
});
