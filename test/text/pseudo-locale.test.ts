import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/core/model/build-model.js';
import { validateCaseText } from '../../src/core/validate/validate-case.js';
import { lowerFirst } from '../../src/core/text.js';
import { translator } from '../../src/text/translator.js';
import { pseudoCatalog } from '../helpers/pseudo-locale.js';
import { ALL_CASES, BUILT_IN, EXAMPLES, EXAMPLES_DIR, FIXTURES_DIR, FORMATS, compiledTemplate } from '../render/render-case.js';

// A second language is a catalog file and nothing else: rendered with a pseudo-locale (every
// message accented and bracketed), no English word casereport wrote may remain, only case data.
const PSEUDO = translator(pseudoCatalog());
/** The built-in templates, every one of which takes all its words from the catalog. */
const TRANSLATED = BUILT_IN;

/** Every string the case file and its instruments hold: the data, which no catalog translates. */
function dataStrings(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    // As written, and as reports print it mid-sentence, in a chart title, or from a key (`self_care`).
    const spaced = value.replace(/_/g, ' ');
    const cited = value.split(/[,(]/)[0]?.trim() ?? value; // a source as a chart names it: "Scivoletto et al. 2011"
    const forms = [value, spaced, spaced.toLowerCase(), spaced.charAt(0).toUpperCase() + spaced.slice(1), lowerFirst(spaced), cited];
    for (const form of forms) found.add(form);
  } else if (Array.isArray(value)) value.forEach((v) => dataStrings(v, found));
  else if (value instanceof Map) [...value.values()].forEach((v) => dataStrings(v, found));
  else if (value !== null && typeof value === 'object') {
    // An assessment's subscore names are data too: a report shows a name the instrument does not label.
    const subscores = (value as { subscores?: unknown }).subscores;
    if (subscores !== null && typeof subscores === 'object') dataStrings(Object.keys(subscores), found);
    Object.values(value).forEach((v) => dataStrings(v, found));
  }
  return found;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=', '#32': ' ' };

/** The words of an output that are neither pseudo-locale text nor case data: English left behind. */
function englishLeft(output: string, data: Set<string>): string[] {
  let text = output
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/data:[a-z/+]+;base64,[A-Za-z0-9+/=]+/g, ' ')
    .replace(/[\w.-]+-chart-\d+\.svg/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name] ?? m)
    .replace(/\\(.)/g, '$1')
    .replace(/[\u2066-\u2069]/g, '');
  // Messages nest (a message's argument may be another message): remove the innermost first.
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  const strings = [...data].filter((s) => s.trim() !== '').sort((a, b) => b.length - a.length);
  const escaped = strings.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Whole words only: a short value ("ent") must not take a word apart.
  if (escaped.length > 0) text = text.replace(new RegExp(`(?<![A-Za-z])(?:${escaped.join('|')})(?![A-Za-z])`, 'g'), ' ');
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])];
}

describe('a pseudo-locale catalog', () => {
  describe.each(ALL_CASES)('%s', (name) => {
    const dir = (EXAMPLES as readonly string[]).includes(name) ? EXAMPLES_DIR : FIXTURES_DIR;
    const result = validateCaseText(readFileSync(join(dir, `${name}.yaml`), 'utf8'));
    if (!result.ok) throw new Error(`invalid ${name}`);
    const model = buildReportModel(result.value.caseFile, result.value.instruments, PSEUDO);
    const data = dataStrings([result.value.caseFile, [...result.value.instruments.values()]]);

    it.each(TRANSLATED.flatMap((template) => FORMATS.map((format) => [template, format] as const)))(
      'leaves no English generated text in %s %s',
      (template, format) => {
        const output = compiledTemplate(template).render(format, model, { generator: 'casereport test', translator: PSEUDO });
        expect(englishLeft(output, data)).toEqual([]);
      },
    );
  });
});
