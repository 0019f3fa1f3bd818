import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

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
 * Rewrites the document properties of a Chromium PDF. Chromium only knows the HTML <title> and
 * `lang`, so author, subject, keywords and creator are added here.
 *
 * Checked with Chromium 156 and pdf-lib 1.17: loading and saving keeps /StructTreeRoot, /MarkInfo
 * (pdfinfo still says "Tagged: yes") and /Outlines, with or without object streams, because
 * pdf-lib copies every object it does not understand. The tests guard this.
 */
export async function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  if (metadata.language !== undefined && !LANGUAGE_TAG.test(metadata.language)) {
    throw new RangeError(`Invalid language tag "${metadata.language}": use e.g. en, de-CH, zh-Hans`);
  }
  // updateMetadata:false keeps Chromium's creation date instead of stamping pdf-lib's own values.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const chromiumProducer = doc.getProducer();

  // Viewers show the title instead of the file name (a PDF/UA requirement).
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  if (metadata.subject) doc.setSubject(metadata.subject);
  // pdf-lib joins with spaces, which would split "spinal cord injury" into three keywords.
  if (metadata.keywords && metadata.keywords.length > 0) doc.setKeywords([metadata.keywords.join('; ')]);
  doc.setCreator(metadata.creator ?? 'casereport');
  doc.setProducer(chromiumProducer ? `${chromiumProducer}; pdf-lib` : 'Chromium; pdf-lib');
  // Chromium copies <html lang> into /Lang already; an explicit language wins.
  if (metadata.language) doc.catalog.set(PDFName.of('Lang'), PDFString.of(metadata.language));

  return doc.save();
}
