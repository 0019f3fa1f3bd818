import { lineStarts, positionAt } from '../core/text-position.js';

/**
 * How a reference is used: shown as an image (`<img src>`, CSS `url()`, a Markdown image), fetched
 * as something else (`<script src>`, `<link href>`, `<iframe src>`), or a Markdown link definition,
 * which may be either a link or an image.
 */
export type ReferenceUse = 'image' | 'resource' | 'link-or-image';

/** A URL written in a template or its CSS, where it would be loaded. */
export interface TemplateReference {
  /** As written, without quotes or surrounding spaces. */
  url: string;
  /** Its place in the source: offsets of the URL, and the 1-based line and column of its start. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** Where it appears, for messages: `<img src>`, `url()`, `a Markdown image`. */
  where: string;
  use: ReferenceUse;
  /** Part of a value built with `{{…}}`: only the literal parts of such a value are references. */
  dynamic: boolean;
}

/** Attributes whose value the browser fetches, and the elements where that is an image. */
const FETCHED = new Set(['src', 'srcset', 'href', 'xlink:href', 'poster', 'data', 'background']);
const IMAGE_USES: Record<string, string[]> = {
  img: ['src', 'srcset'],
  source: ['srcset'],
  input: ['src'],
  video: ['poster'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};
/** Elements whose `href` is a link to follow, not something to load. */
const LINKS = new Set(['a', 'area']);

/** Placeholder for text inside `{{…}}`: values computed when a report is rendered. */
const DYNAMIC = '\0';

/**
 * Finds the URLs a Handlebars template (`hbs`: HTML or Markdown, with any inline CSS) or a CSS file
 * (`css`) would load. Comments are skipped; text inside `{{…}}` is never a URL itself, and marks the
 * value around it as built at render time.
 */
export function findReferences(source: string, kind: 'hbs' | 'css'): TemplateReference[] {
  // Most partials hold no URL at all: skip them before the (first-run costly) masking.
  if (!/(?:src|srcset|href|poster|data|background)\s*=|url\(|@import|\]\(|\]:/i.test(source)) return [];
  const masked = kind === 'css' ? mask(source, /\/\*[\s\S]*?\*\//g, ' ') : maskTemplate(source);
  const starts = lineStarts(source);
  const found: TemplateReference[] = [];
  const add = (value: string, offset: number, where: string, use: ReferenceUse): void => {
    for (const part of literalParts(value, offset)) {
      const { line, column } = positionAt(starts, part.start);
      found.push({
        url: part.text,
        start: part.start,
        end: part.start + part.text.length,
        line,
        column,
        where,
        use,
        dynamic: part.text !== value.trim(),
      });
    }
  };
  if (kind === 'hbs') {
    findAttributes(masked, add);
    findMarkdown(masked, add);
  }
  for (const m of masked.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]*)/dgi))
    add(m[1] || '@import', m.indices?.[1]?.[0] ?? m.index, '@import', 'resource');
  for (const m of masked.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/dgi)) {
    const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
    add(m[group] ?? '', m.indices?.[group]?.[0] ?? m.index, 'CSS url()', 'image');
  }
  // A `url()` in a style attribute or an @import is found twice: keep the first, which says more.
  return found.sort((a, b) => a.start - b.start).filter((ref, i, all) => i === 0 || all[i - 1]?.start !== ref.start);
}

type Add = (value: string, offset: number, where: string, use: ReferenceUse) => void;

function findAttributes(masked: string, add: Add): void {
  for (const tag of masked.matchAll(/<([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/dg)) {
    const element = (tag[1] ?? '').toLowerCase();
    const attributesAt = tag.indices?.[2]?.[0] ?? 0;
    for (const attr of (tag[2] ?? '').matchAll(/([^\s"'>/=\0]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/dg)) {
      const name = (attr[1] ?? '').toLowerCase();
      const group = attr[2] !== undefined ? 2 : attr[3] !== undefined ? 3 : 4;
      const value = attr[group] ?? '';
      const at = attributesAt + (attr.indices?.[group]?.[0] ?? 0);
      if (name === 'style') {
        for (const m of value.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/dgi)) {
          const inner = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
          add(m[inner] ?? '', at + (m.indices?.[inner]?.[0] ?? 0), `<${element} style>`, 'image');
        }
        continue;
      }
      if (!FETCHED.has(name) || (name.endsWith('href') && LINKS.has(element))) continue;
      const use: ReferenceUse = IMAGE_USES[element]?.includes(name) || name === 'background' ? 'image' : 'resource';
      const where = `<${element} ${name}>`;
      if (name === 'srcset') for (const candidate of srcsetUrls(value)) add(candidate.url, at + candidate.offset, where, use);
      else add(value, at, where, use);
    }
  }
}

function findMarkdown(masked: string, add: Add): void {
  for (const m of masked.matchAll(/!\[[^\]\n]*\]\(\s*(?:<([^>\n]*)>|([^\s)]+))(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/dg)) {
    const group = m[1] !== undefined ? 1 : 2;
    add(m[group] ?? '', m.indices?.[group]?.[0] ?? m.index, 'a Markdown image', 'image');
  }
  for (const m of masked.matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))/dgm)) {
    const group = m[1] !== undefined ? 1 : 2;
    add(m[group] ?? '', m.indices?.[group]?.[0] ?? m.index, 'a Markdown link definition', 'link-or-image');
  }
}

/** The URLs of a `srcset` value and their offsets in it: a URL runs to the next space (data: URIs hold commas). */
function srcsetUrls(value: string): { url: string; offset: number }[] {
  const urls: { url: string; offset: number }[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] ?? '')) i++;
    const start = i;
    while (i < value.length && !/\s/.test(value[i] ?? '')) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else while (i < value.length && value[i] !== ',') i++; // the descriptors: `2x`, `480w`
    if (url) urls.push({ url, offset: start });
  }
  return urls;
}

/**
 * The literal parts of a value, trimmed, with their offsets: all of it when it has no `{{…}}`;
 * otherwise each piece between the placeholders (`{{#if a}}assets/a.png{{else}}assets/b.png{{/if}}`).
 */
function literalParts(value: string, offset: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  for (const m of value.matchAll(new RegExp(`[^${DYNAMIC}]+`, 'g'))) {
    const lead = (m[0].match(/^\s*/)?.[0] ?? '').length;
    const text = m[0].trim();
    if (text !== '') parts.push({ text, start: offset + m.index + lead });
  }
  return parts;
}

/** Template text with comments blanked and the inside of every `{{…}}` replaced by placeholders. */
function maskTemplate(source: string): string {
  const text = mask(source, /\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}|<!--[\s\S]*?-->/g, ' ');
  // A loop over indexOf: a regular expression with a replacer took several times as long here.
  const parts: string[] = [];
  let i = 0;
  for (let open = text.indexOf('{{'); open >= 0; open = text.indexOf('{{', i)) {
    const closing = text.startsWith('{{{', open) ? '}}}' : '}}';
    const close = text.indexOf(closing, open + 2);
    const end = close < 0 ? text.length : close + closing.length;
    parts.push(text.slice(i, open), fill(text.slice(open, end), DYNAMIC));
    i = end;
  }
  parts.push(text.slice(i));
  return parts.join('');
}

/** Replaces every match by `fill` characters, keeping line breaks so that offsets stay put. */
function mask(text: string, pattern: RegExp, with_: string): string {
  return text.replace(pattern, (match) => fill(match, with_));
}

function fill(text: string, with_: string): string {
  return text.includes('\n') ? text.replace(/[^\n]/g, with_) : with_.repeat(text.length);
}
