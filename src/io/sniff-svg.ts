/**
 * Whether some bytes are an SVG image, and if so whether it is self-contained and inert.
 *
 * An SVG is a document, not just pixels: it can hold scripts, event handlers, embedded HTML and
 * links to other files. Where a browser shows it as an image (`<img>`, CSS `url()`) it runs none
 * of that and fetches nothing, and casereport only ever puts a template's assets in such places;
 * these checks are the second wall, and they turn an SVG whose external parts would silently be
 * missing from the report into a clear error. They are deliberately strict: an SVG that needs
 * any of this can be flattened to PNG.
 */
export function sniffSvg(bytes: Buffer): { svg: false } | { svg: true; unsafe?: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { svg: false };
  }
  // An XML declaration, comments and a doctype may come before the root element.
  if (!/^\uFEFF?\s*(?:<\?xml\s[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>]/.test(text))
    return { svg: false };
  const unsafe = unsafePart(text);
  return unsafe ? { svg: true, unsafe } : { svg: true };
}

const CHECKS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/<!ENTITY/i, () => 'entity declarations'],
  [/<\?xml-stylesheet/i, () => 'an external stylesheet (<?xml-stylesheet?>)'],
  [/<\s*(?:[\w.-]+:)?(script|foreignObject|iframe|embed|object|handler|listener|audio|video)\b/i, (m) => `a <${m[1]}> element`],
  [/[\s"'/](on[a-z]+)\s*=/i, (m) => `an event handler attribute (${m[1]})`],
  [
    /[\s"'](?:[\w.-]+:)?href\s*=\s*["']\s*(?!#|data:image\/)([^"']{0,60})/i,
    (m) => `a link to \`${m[1]}\` (only #fragments and data:image/ URIs are allowed)`,
  ],
  [/url\(\s*["']?\s*(?!#|data:image\/)([^"')]{0,60})/i, (m) => `a CSS reference to \`${m[1]}\``],
  [/@import/i, () => 'a CSS @import'],
  [/javascript:/i, () => 'a javascript: URL'],
];

/** The first part of an SVG's text that would run code or load something, described. */
function unsafePart(text: string): string | undefined {
  // Attribute values may hide words behind character references (`&#104;ttp:`): check them decoded.
  const decoded = text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|quot|apos));/gi, (_all, dec?: string, hex?: string, name?: string) => {
    if (name) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name.toLowerCase()] ?? '';
    const code = dec ? Number(dec) : parseInt(hex ?? '0', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
  for (const [pattern, describe] of CHECKS) {
    const match = pattern.exec(decoded);
    if (match) return describe(match);
  }
  return undefined;
}
