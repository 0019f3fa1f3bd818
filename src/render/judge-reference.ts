import { posix } from 'node:path';
import type { TemplateReference } from './template-references.js';

/** The folder of a template whose files a template may show, as `assets/NAME`. */
export const ASSETS_FOLDER = 'assets';

/** What to do with a reference: nothing (it loads nothing), inline an asset, or refuse the template. */
export type ReferenceVerdict = { kind: 'keep' } | { kind: 'asset'; path: string } | { kind: 'refused'; message: string; hint?: string };

/**
 * Decides what a URL written in a template may be. A report is one self-contained file, so the
 * only references allowed are to the template's own `assets/` (inlined as data: URIs when the
 * template is loaded), data: URIs and #fragments; anything on the network or the disk would be a
 * broken image in the report at best. Markdown link definitions may also point to the web: they
 * are usually links.
 */
export function judgeReference(ref: TemplateReference): ReferenceVerdict {
  const { url, where } = ref;
  if (where === '@import') {
    return {
      kind: 'refused',
      message: 'a template cannot `@import` a stylesheet',
      hint: "list the template's CSS files under `css` in template.json",
    };
  }
  if (url === '' || url.startsWith('#') || /^data:/i.test(url)) return { kind: 'keep' };
  const shown = ref.dynamic ? `\`${url}\` (in a value built with {{…}})` : `\`${url}\``;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('\\\\')) {
    if (ref.use === 'link-or-image' && !/^file:/i.test(url)) return { kind: 'keep' };
    return {
      kind: 'refused',
      message: `${where} refers to ${shown}, outside the template: a report loads nothing from the network or the disk`,
      hint:
        ref.use === 'resource'
          ? 'leave it out, or inline what it loads'
          : `copy the image into the template's ${ASSETS_FOLDER}/ folder and write \`${ASSETS_FOLDER}/${lastSegment(url)}\``,
    };
  }
  let path: string;
  try {
    path = decodeURIComponent(url);
  } catch {
    return { kind: 'refused', message: `${where} refers to ${shown}, which is not a valid URL (a stray \`%\`?)` };
  }
  if (path.includes('\\')) return { kind: 'refused', message: `${where} refers to ${shown}: write paths with \`/\`, not \`\\\`` };
  if (/[?#]/.test(path))
    return { kind: 'refused', message: `${where} refers to ${shown}: an asset reference cannot have a query or a #fragment` };
  const normal = posix.normalize(path);
  if (normal.startsWith(`${ASSETS_FOLDER}/`) && normal.length > ASSETS_FOLDER.length + 1 && !normal.endsWith('/')) {
    if (ref.use === 'resource') {
      return {
        kind: 'refused',
        message: `${where} refers to ${shown}: a template's assets can be shown only as images`,
        hint: '<img src>, srcset, CSS url() or a Markdown image',
      };
    }
    return { kind: 'asset', path: normal };
  }
  if (ref.dynamic) {
    return {
      kind: 'refused',
      message: `${where} is built from pieces, ${shown} and {{…}}`,
      hint: `write an asset's path out in full (\`${ASSETS_FOLDER}/logo.png\`), or take the whole value from the report model`,
    };
  }
  return {
    kind: 'refused',
    message: `${where} refers to ${shown}, which is not in the template's ${ASSETS_FOLDER}/ folder`,
    hint: `put the image in ${ASSETS_FOLDER}/ and write \`${ASSETS_FOLDER}/${lastSegment(url)}\``,
  };
}

/** The file name at the end of a URL or path, for a hint. */
function lastSegment(url: string): string {
  return (
    url
      .replace(/[?#].*$/, '')
      .split(/[/\\]/)
      .filter(Boolean)
      .at(-1) ?? 'logo.png'
  );
}
