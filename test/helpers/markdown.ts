import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/**
 * Markdown as a CommonMark + GFM reader turns it into HTML. Raw HTML passes through as tags (the
 * default would print it as text and hide a tag that escaping let through).
 */
export function markdownToHtml(md: string): string {
  return micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true });
}

/**
 * The element tree of micromark's HTML, without its text: each tag with its attribute names (and
 * the value of the structural ones: a table column's alignment, an input's type). micromark
 * escapes `<` and `"` in text and attribute values, so a tag is exactly a `<` outside them.
 */
export function htmlStructure(html: string): string[] {
  return [...html.matchAll(/<(\/?[A-Za-z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>|<!--[\s\S]*?-->/g)].map(([tag, name, attrs]) => {
    if (name === undefined) return '<!--comment-->';
    const names = [...(attrs ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, attr, value]) =>
      attr === 'align' || attr === 'type' ? `${attr}=${value}` : attr,
    );
    return tag.startsWith('</') ? `<${name}>` : `<${[name, ...names].join(' ')}>`;
  });
}

/**
 * The text a reader sees: images' alternative texts, tags dropped, micromark's character
 * references decoded, white space collapsed.
 */
export function htmlTextContent(html: string): string {
  return html
    .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '')
    .replace(/\s+/g, ' ');
}
