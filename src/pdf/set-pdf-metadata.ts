/** Document properties written into the PDF's Info dictionary and catalog. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 tag such as 'en' or 'zh-Hans'; becomes /Lang, which screen readers use for voice choice. */
  language?: string;
  /** Defaults to "casereport". */
  creator?: string;
}

const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Sets the document properties of a Chromium PDF. Chromium only knows the HTML <title> and `lang`,
 * so author, subject, keywords and creator are added here.
 *
 * It appends an incremental update (PDF 32000-1, 7.5.6) instead of rewriting the file: a new Info
 * dictionary and a copy of the catalog with /Lang and /DisplayDocTitle, then an xref section and a
 * trailer that points back to Chromium's. Nothing of Chromium's output is touched, so the structure
 * tree (Tagged: yes) and the outline stay exactly as printed, and no PDF library has to parse the file.
 */
export function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array {
  if (metadata.language !== undefined && !LANGUAGE_TAG.test(metadata.language)) {
    throw new RangeError(`Invalid language tag "${metadata.language}": use e.g. en, de-CH, zh-Hans`);
  }
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const trailer = readTrailer(text);
  const producer = /\/Producer\s*\(([^)]*)\)/.exec(objectText(text, trailer.info) ?? '')?.[1];
  const info = dictionary([
    ['Title', pdfText(metadata.title)],
    ['Author', metadata.author ? pdfText(metadata.author) : undefined],
    ['Subject', metadata.subject ? pdfText(metadata.subject) : undefined],
    // One keyword string, "; "-separated: viewers split on spaces otherwise.
    ['Keywords', metadata.keywords?.length ? pdfText(metadata.keywords.join('; ')) : undefined],
    ['Creator', pdfText(metadata.creator ?? 'casereport')],
    ['Producer', pdfText(producer ? `${producer}; casereport` : 'Chromium; casereport')],
    ['CreationDate', pdfText(pdfDate(new Date()))],
  ]);
  const catalog = updateCatalog(objectText(text, trailer.root) ?? '<< /Type /Catalog >>', metadata.language);
  const infoNumber = trailer.size;
  let body = '\n';
  const offsets: [number, number][] = [];
  const add = (number: number, content: string): void => {
    offsets.push([number, pdf.byteLength + body.length]);
    body += `${number} 0 obj\n${content}\nendobj\n`;
  };
  add(trailer.root, catalog);
  add(infoNumber, info);
  const xrefAt = pdf.byteLength + body.length;
  body += 'xref\n';
  for (const [number, offset] of offsets.sort((a, b) => a[0] - b[0])) {
    body += `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  body += `trailer\n<< /Size ${infoNumber + 1} /Root ${trailer.root} 0 R /Info ${infoNumber} 0 R /Prev ${trailer.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.byteLength + body.length);
  out.set(pdf, 0);
  out.set(Buffer.from(body, 'latin1'), pdf.byteLength);
  return out;
}

interface Trailer {
  size: number;
  root: number;
  info: number | undefined;
  startxref: number;
}

function readTrailer(text: string): Trailer {
  const tail = text.slice(-4096);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
  const dict = tail.slice(tail.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1]);
  const root = Number(/\/Root\s+(\d+)\s+\d+\s+R/.exec(dict)?.[1]);
  const info = /\/Info\s+(\d+)\s+\d+\s+R/.exec(dict)?.[1];
  if (!Number.isInteger(startxref) || !Number.isInteger(size) || !Number.isInteger(root)) {
    throw new Error('unexpected PDF structure: no classic trailer (Chromium output was expected)');
  }
  return { size, root, info: info === undefined ? undefined : Number(info), startxref };
}

/** The dictionary of an uncompressed object (`N 0 obj << … >> endobj`), as Chromium writes them. */
function objectText(text: string, number: number | undefined): string | undefined {
  if (number === undefined) return undefined;
  const match = new RegExp(`(?:^|[\\r\\n])${number} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text);
  return match?.[1];
}

function updateCatalog(catalog: string, language: string | undefined): string {
  let out = catalog;
  if (language) {
    out = /\/Lang\s*\([^)]*\)/.test(out)
      ? out.replace(/\/Lang\s*\([^)]*\)/, `/Lang ${pdfText(language)}`)
      : out.replace(/>>\s*$/, `/Lang ${pdfText(language)}\n>>`);
  }
  // Viewers show the title instead of the file name (a PDF/UA requirement).
  if (!/\/ViewerPreferences/.test(out)) out = out.replace(/>>\s*$/, '/ViewerPreferences << /DisplayDocTitle true >>\n>>');
  return out;
}

function dictionary(entries: [string, string | undefined][]): string {
  return `<<\n${entries
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `/${k} ${v}`)
    .join('\n')}\n>>`;
}

/** A PDF text string: UTF-16BE with a byte order mark, in hex, so any language and any character is safe. */
function pdfText(value: string): string {
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `D:${iso}Z`;
}
