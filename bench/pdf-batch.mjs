#!/usr/bin/env node
// PDF batch throughput: `casereport render` over N generated cases against a bare Puppeteer loop
// printing the same HTML (one browser, the same number of pages, nothing else), in one run.
// Usage: node bench/pdf-batch.mjs [N=200] [pages=cores] [rounds=3]   (after `npm run build`)
// Each round runs casereport, then the two bare loops; the best time of each over the rounds is
// compared, so that a slow moment of the machine does not decide the ratio.
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CLI, ROOT, casereportBrowser, timeCommand } from './lib.mjs';
import { generateCases } from './generate-cases.mjs';

const count = Number(process.argv[2] ?? 200);
const pages = Number(process.argv[3] ?? availableParallelism());
const rounds = Number(process.argv[4] ?? 3);
const work = join(ROOT, 'bench', 'out', 'pdf-batch');
const cases = join(work, 'cases');
generateCases(cases, count);
const browserPath = casereportBrowser();

// The HTML casereport prints, rendered once up front (not timed).
const htmlDir = join(work, 'html');
timeCommand(process.execPath, [CLI, 'render', cases, '--format', 'html', '--out-dir', htmlDir, '-q', '--force']);
const htmls = readdirSync(htmlDir).map((f) => readFileSync(join(htmlDir, f), 'utf8'));

async function bareLoop(pdfOptions, prepare = (html) => html) {
  const started = process.hrtime.bigint();
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    headless: true,
    pipe: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: pages }, async () => {
      const page = await browser.newPage();
      while (next < htmls.length) {
        const html = prepare(htmls[next++]);
        await page.setContent(html, { waitUntil: 'load' });
        await page.pdf(pdfOptions);
      }
    }),
  );
  await browser.close();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const plain = { format: 'A4', printBackground: true };
// casereport's own print options and running header and footer (CSS page margin boxes added to
// the HTML), from the build: the loop pays for the same printing work, and nothing else.
const { buildPdfOptions, withPageMargins } = await import('../dist/pdf/print-templates.js');
const header = { headerTitle: 'Stem cell treatment for spinal cord injury: a case report', footerLeft: 'bench-000000' };
const { timeout: _timeout, ...same } = buildPdfOptions({ ...header, metadata: { title: header.headerTitle } }, 60_000);
const withHeader = (html) => withPageMargins(html, header);
const out = join(work, 'pdf');
const results = [];
for (let round = 0; round < rounds; round++) {
  rmSync(out, { recursive: true, force: true });
  const ours = timeCommand(process.execPath, [
    CLI,
    'render',
    cases,
    '--format',
    'pdf',
    '--out-dir',
    out,
    '--concurrency',
    String(pages),
    '--force',
    '-q',
  ]);
  const barePlain = await bareLoop(plain);
  const bareSame = await bareLoop(same, withHeader);
  results.push({ ours, barePlain, bareSame });
}
const best = (key) => Math.min(...results.map((r) => r[key]));
const rate = (s) => (count / s).toFixed(1);
console.log(`browser ${browserPath}, ${count} cases, ${pages} pages; best of ${results.length} rounds`);
console.log(
  `casereport render --format pdf (whole process: validation, HTML, isolation, print, metadata): ${best('ours').toFixed(2)} s = ${rate(best('ours'))} cases/s`,
);
console.log(
  `bare Puppeteer loop, default page.pdf options:            ${best('barePlain').toFixed(2)} s = ${rate(best('barePlain'))} cases/s -> casereport at ${((best('barePlain') / best('ours')) * 100).toFixed(0)}%`,
);
console.log(
  `bare Puppeteer loop, casereport's print options (margins, tagged, outline, running header and footer): ${best('bareSame').toFixed(2)} s = ${rate(best('bareSame'))} cases/s -> casereport at ${((best('bareSame') / best('ours')) * 100).toFixed(0)}%`,
);
