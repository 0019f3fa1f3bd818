import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const run = promisify(execFile);

/** What the tests read back from a printed PDF, the way a user's tools would see it. */
export interface PdfFacts {
  /** pdftotext output, layout order. */
  text: string;
  /** pdfinfo fields, e.g. info['Tagged'] === 'yes'. */
  info: Record<string, string>;
  /** Bookmark titles, depth-first, nested ones indented by two spaces per level. */
  outline: string[];
  /** /Lang of the catalog, via pdfjs. */
  language: string | undefined;
}

/** Reads a PDF with poppler (text, info) and pdfjs (outline, language). */
export async function inspectPdf(pdf: Uint8Array): Promise<PdfFacts> {
  const dir = await mkdtemp(join(tmpdir(), 'casereport-pdf-test-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const [{ stdout: text }, { stdout: rawInfo }] = await Promise.all([
      run('pdftotext', ['-enc', 'UTF-8', file, '-']),
      run('pdfinfo', ['-enc', 'UTF-8', file]),
    ]);
    const info = Object.fromEntries(
      rawInfo
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1] ?? '', match[2] ?? '']),
    );
    const { outline, language } = await readWithPdfjs(pdf);
    return { text, info, outline, language };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

async function readWithPdfjs(pdf: Uint8Array): Promise<{ outline: string[]; language: string | undefined }> {
  // pdfjs takes ownership of (detaches) the buffer it is given, so hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const outline: string[] = [];
    const walk = (nodes: OutlineNode[], depth: number): void => {
      for (const node of nodes) {
        outline.push(`${'  '.repeat(depth)}${node.title}`);
        walk(node.items, depth + 1);
      }
    };
    walk(((await doc.getOutline()) ?? []) as OutlineNode[], 0);
    const { info } = await doc.getMetadata();
    const language = (info as { Language?: string }).Language ?? undefined;
    return { outline, language };
  } finally {
    await doc.destroy();
  }
}
