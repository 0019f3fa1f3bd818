import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Image, List, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { ReportModel } from '../core/model/types.js';
import { COLUMN_PX, DPI, rasterize } from './rasterize.js';

/** What a Word file says of itself: its core properties. */
export interface DocxProperties {
  title: string;
  author?: string;
  subject: string;
  keywords: string[];
  /** A BCP 47 tag: the language of the text, and of East Asian text where it is Chinese, Japanese or Korean. */
  language: string;
  /** `YYYY-MM-DD` (or a part of it): the file's created and modified dates, so the same case gives the same bytes. */
  date?: string;
}

export interface DocxOptions {
  properties: DocxProperties;
  /** The bytes of an image the Markdown links, by its URL: PNG or JPEG, or SVG (rasterized at 300 dpi). */
  image(url: string): { type: 'png' | 'jpg' | 'svg'; data: Uint8Array } | undefined;
  /** "Page {page} of {pages}" with the two numbers as `\u0001` and `\u0002`, in the report's language. */
  pageFooter: string;
  /** The `word/styles.xml` of a reference document whose styles (fonts, headings) replace the defaults. */
  styles?: string;
}

// eslint-disable-next-line no-control-regex -- the two marks stand for the page numbers in the footer message
const PAGE_MARKS = /[\u0001\u0002]/;

/**
 * A Word document from a report's Markdown: the same template, wording and section order as the
 * md, html and pdf outputs, read into a syntax tree (CommonMark and GFM tables) and written as
 * Word's own structure: Title and Heading styles, real tables whose header row repeats on each
 * page, lists, figures as embedded PNG images followed by their captions, page numbers in the
 * footer, and the report's core properties. Reproducible: the same input gives the same bytes.
 */
export async function buildDocx(markdown: string, options: DocxOptions): Promise<Uint8Array> {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const writer = new DocxWriter(options);
  const children = writer.blocks(tree);
  const { properties } = options;
  const language = properties.language;
  const eastAsia = /^(zh|ja|ko)\b/i.test(language) ? language : undefined;
  const doc = new Document({
    title: properties.title,
    subject: properties.subject,
    keywords: properties.keywords.join(', '),
    ...(properties.author ? { creator: properties.author, lastModifiedBy: properties.author } : { creator: 'casereport' }),
    ...(options.styles ? { externalStyles: options.styles } : {}),
    styles: {
      default: {
        document: { run: { language: { value: language, ...(eastAsia ? { eastAsia } : {}) } } },
      },
      paragraphStyles: [
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, size: 18 },
          paragraph: { spacing: { after: 200 } },
        },
      ],
    },
    sections: [
      {
        footers: { default: new Footer({ children: [writer.pageNumbers()] }) },
        children,
      },
    ],
  });
  return reproducible(await Packer.toBuffer(doc), properties.date, language);
}

class DocxWriter {
  constructor(private readonly options: DocxOptions) {}

  blocks(root: Root): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    let afterImage = false;
    for (const node of root.children) {
      const image = soleImage(node);
      if (image) {
        out.push(this.figure(image));
        afterImage = true;
        continue;
      }
      out.push(...this.block(node, afterImage));
      afterImage = false;
    }
    return out;
  }

  pageNumbers(): Paragraph {
    const [before = '', middle = '', after = ''] = this.options.pageFooter.split(PAGE_MARKS);
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after] })],
    });
  }

  private block(node: RootContent, caption = false): (Paragraph | Table)[] {
    switch (node.type) {
      case 'heading': {
        const level = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][node.depth - 1];
        return [new Paragraph({ heading: level ?? HeadingLevel.HEADING_4, children: this.inline(node.children) })];
      }
      case 'paragraph':
        return [new Paragraph({ ...(caption ? { style: 'Caption' } : {}), children: this.inline(node.children) })];
      case 'list':
        return this.list(node, 0);
      case 'table':
        return [this.table(node)];
      case 'blockquote':
        return node.children.flatMap((child) =>
          child.type === 'paragraph'
            ? [new Paragraph({ indent: { left: 720 }, children: this.inline(child.children, { italics: true }) })]
            : this.block(child),
        );
      case 'code':
        return node.value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'DejaVu Sans Mono' })] }));
      default:
        return [];
    }
  }

  private list(list: List, level: number): Paragraph[] {
    return list.children.flatMap((item, i) =>
      item.children.flatMap((child, j): Paragraph[] => {
        if (child.type === 'list') return this.list(child, level + 1);
        if (child.type !== 'paragraph') return this.block(child) as Paragraph[];
        // Numbered lists (the references) keep their numbers as text: what the report numbered, Word shows.
        const number = list.ordered && j === 0 ? [new TextRun(`${(list.start ?? 1) + i}. `)] : [];
        const children = [...number, ...this.inline(child.children)];
        return [
          list.ordered
            ? new Paragraph({ indent: { left: 360 * (level + 1), hanging: 360 }, children })
            : new Paragraph({ bullet: { level }, children }),
        ];
      }),
    );
  }

  private table(table: MdTable): Table {
    const rows = table.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.children.map(
            (cell, c) =>
              new TableCell({
                children: [
                  new Paragraph({
                    alignment: table.align?.[c] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                    children: this.inline(cell.children, r === 0 ? { bold: true } : {}),
                  }),
                ],
              }),
          ),
        }),
    );
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }

  private figure(image: Image): Paragraph {
    const found = this.options.image(image.url);
    if (!found) return new Paragraph({ children: [new TextRun({ text: image.alt ?? '', italics: true })] });
    const { data, width, height } = found.type === 'svg' ? rasterize(found.data) : { data: found.data, ...imageSize(found.data) };
    const shown = Math.min(COLUMN_PX, width * (96 / DPI) || COLUMN_PX);
    return new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: found.type === 'jpg' ? 'jpg' : 'png',
          data,
          transformation: { width: shown, height: Math.round((shown * height) / Math.max(1, width)) },
          altText: { name: image.alt ?? '', title: image.alt ?? '', description: image.alt ?? '' },
        }),
      ],
    });
  }

  private inline(nodes: PhrasingContent[], style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
    return nodes.flatMap((node): ParagraphChild[] => {
      switch (node.type) {
        case 'text':
          return node.value.split('\n').map((text, i) => new TextRun({ text, ...style, ...(i > 0 ? { break: 1 } : {}) }));
        case 'emphasis':
          return this.inline(node.children, { ...style, italics: true });
        case 'strong':
          return this.inline(node.children, { ...style, bold: true });
        case 'inlineCode':
          return [new TextRun({ text: node.value, font: 'DejaVu Sans Mono', ...style })];
        case 'break':
          return [new TextRun({ text: '', break: 1 })];
        case 'link':
          return /^https?:\/\//i.test(node.url)
            ? [new ExternalHyperlink({ link: node.url, children: this.inline(node.children, style) as TextRun[] })]
            : this.inline(node.children, style);
        case 'image':
          return [new TextRun({ text: node.alt ?? '', ...style })];
        default:
          return 'value' in node && typeof node.value === 'string' ? [new TextRun({ text: node.value, ...style })] : [];
      }
    });
  }
}

/**
 * The image a report's Markdown links: a chart (its SVG, by its file name), one of the case's
 * figures (by the link to it), or a data: URI.
 */
export function reportImage(model: ReportModel, url: string): ReturnType<DocxOptions['image']> {
  const names = new Set([url, safeDecode(url)]);
  const chart = model.charts.find((c) => names.has(c.file));
  if (chart) return { type: 'svg', data: Buffer.from(chart.svg, 'utf8') };
  const figure = model.figures.find((f) => f.href !== undefined && (names.has(f.href) || names.has(encodeURI(f.href))));
  const uri = figure?.data_uri ?? (url.startsWith('data:') ? url : undefined);
  const match = uri ? /^data:image\/(png|jpeg|svg\+xml);base64,(.*)$/.exec(uri) : null;
  if (!match) return undefined;
  const data = Buffer.from(match[2] ?? '', 'base64');
  return { type: match[1] === 'png' ? 'png' : match[1] === 'jpeg' ? 'jpg' : 'svg', data };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** The image of a paragraph that holds one image and nothing else (a figure), if it is one. */
function soleImage(node: RootContent): Image | undefined {
  if (node.type !== 'paragraph') return undefined;
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return content.length === 1 && content[0]?.type === 'image' ? content[0] : undefined;
}

/** Pixel size of a PNG or JPEG, from its header. */
function imageSize(data: Uint8Array): { width: number; height: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data[0] === 0x89 && data.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  for (let i = 2; i + 9 < data.length;) {
    if (data[i] !== 0xff) break;
    const marker = data[i + 1] ?? 0;
    const length = view.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    i += 2 + length;
  }
  return { width: COLUMN_PX, height: Math.round(COLUMN_PX / 2) };
}

/**
 * The same bytes for the same report: the package's dates become the report's date and every
 * part gets the same fixed time, where Word's writer stamps the moment of writing, and drawings
 * are numbered within the file. The core properties also get the report's language.
 */
function reproducible(packed: Uint8Array, date: string | undefined, language: string): Uint8Array {
  const day = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date ?? '') ? (date as string) : '2000-01-01';
  const [y = '2000', m = '01', d = '01'] = day.split('-');
  const stamp = `${y}-${m}-${d}T00:00:00Z`;
  const files = unzipSync(packed);
  const core = files['docProps/core.xml'];
  if (core)
    files['docProps/core.xml'] = strToU8(
      strFromU8(core)
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
        // The writer has no language property: dc:language goes in before the dates.
        .replace('<dcterms:created', `<dc:language>${escapeXml(language)}</dc:language><dcterms:created`),
    );
  // The writer numbers drawings with a counter shared by every document of the process: a case's
  // file would depend on what was rendered before it in a batch. Numbered again, from 1, per file.
  const body = files['word/document.xml'];
  if (body) {
    let n = 0;
    files['word/document.xml'] = strToU8(strFromU8(body).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`));
  }
  const mtime = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const zippable: Zippable = {};
  // Images are compressed already: stored as they are, which saves deflating them a second time.
  for (const name of Object.keys(files).sort())
    zippable[name] = [files[name] as Uint8Array, { mtime, level: name.startsWith('word/media/') ? 0 : 6 }];
  return zipSync(zippable);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
