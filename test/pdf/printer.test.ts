import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserError, PdfError } from '../../src/pdf/errors.js';
import type { RequestVerdict } from '../../src/pdf/isolate-page.js';
import { PdfPrinter } from '../../src/pdf/pdf-printer.js';
import type { PrintOptions } from '../../src/pdf/print-templates.js';
import { inspectPdf } from '../helpers/pdf.js';

const BROWSER = process.env['CASEREPORT_TEST_BROWSER'] ?? '/usr/bin/chromium';

const OPTIONS: PrintOptions = {
  headerTitle: 'Incomplete <SCI> & "recovery"',
  footerLeft: 'CASE-2024-017',
  metadata: {
    title: 'Incomplete spinal cord injury: a case report',
    author: 'A. Author, B. Author',
    subject: 'Case report',
    keywords: ['spinal cord injury', 'ISNCSCI'],
    language: 'en-GB',
  },
};

// Long enough for two A4 pages, so "page 2 of 2" proves the total is filled in.
const FILLER = Array.from({ length: 14 }, (_, i) => `<p>Follow-up note ${i + 1}. ${'Gait and strength improved. '.repeat(12)}</p>`).join(
  '',
);

const REPORT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>HTML title</title>
<style>body { font-family: sans-serif; } table { border-collapse: collapse; } td, th { border: 1px solid #999; }</style>
</head><body>
<h1>Case presentation</h1>
<p>Admitted to 北京普华国际医院 after a fall.</p>
<h2>Examination</h2>
<table><thead><tr><th>Level</th><th>Motor</th></tr></thead><tbody><tr><td>C5</td><td>4/5</td></tr></tbody></table>
<h3>Imaging</h3>
${FILLER}
<h2>Outcome</h2>
<p>Walking with a cane.</p>
</body></html>`;

const HOSTILE = `<!doctype html><html><head>
<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/elsewhere">
</head><body>
<h1>Hostile</h1>
<script>document.body.innerHTML='PWNED'</script>
<img src="file:///etc/passwd">
<img src="http://127.0.0.1:9/x.png">
<img alt="inline" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
<iframe srcdoc="<p>frame</p><script>document.write('PWNED')</script>"></iframe>
<iframe src="data:text/html,<p>frame2</p><script>document.write('PWNED')</script>"></iframe>
<p>still here</p>
</body></html>`;

const requests: Array<{ url: string; verdict: RequestVerdict }> = [];
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await PdfPrinter.launch({
    browserPath: BROWSER,
    concurrency: 2,
    timeoutMs: 20_000,
    onRequest: (url, verdict) => requests.push({ url, verdict }),
  });
});

afterAll(async () => {
  await printer?.close();
});

describe('PdfPrinter', () => {
  it('prints text, CJK, running header and footer, metadata, outline and tags', async () => {
    const facts = await inspectPdf(await printer.print(REPORT, OPTIONS));
    const text = facts.text.replace(/[ \t]+/g, ' ');

    expect(text).toContain('Case presentation');
    expect(text).toContain('Examination');
    expect(text).toContain('4/5');
    expect(text).toContain('北京普华国际医院');
    expect(text).toContain('Incomplete <SCI> & "recovery"');
    expect(text).toMatch(/CASE-2024-017\s+page 1 of 2/);
    expect(text).toContain('page 2 of 2');

    expect(facts.info['Title']).toBe(OPTIONS.metadata?.title);
    expect(facts.info['Author']).toBe('A. Author, B. Author');
    expect(facts.info['Keywords']).toBe('spinal cord injury; ISNCSCI');
    expect(facts.info['Creator']).toBe('casereport');
    expect(facts.info['Producer']).toMatch(/casereport/);
    expect(facts.info['Tagged']).toBe('yes');
    expect(facts.info['Page size']).toContain('(A4)');
    // The HTML says lang="en"; the explicit metadata language must win.
    expect(facts.language).toBe('en-GB');
    expect(facts.outline).toEqual(['Case presentation', '  Examination', '    Imaging', '  Outcome']);
  });

  it('prints Letter with custom margins', async () => {
    const pdf = await printer.print('<h1>Short</h1>', { ...OPTIONS, pageSize: 'Letter', margins: { left: '1in' } });
    const facts = await inspectPdf(pdf);
    expect(facts.info['Page size']).toContain('(letter)');
    expect(facts.info['Pages']).toBe('1');
  });

  it('runs no scripts and lets no request leave except inline data', async () => {
    requests.length = 0;
    const facts = await inspectPdf(await printer.print(HOSTILE, OPTIONS));
    expect(facts.text).toContain('Hostile');
    expect(facts.text).toContain('still here');
    // The frames render (so their scripts had the chance to run) but their scripts do not.
    expect(facts.text).toMatch(/frame\s+frame2/);
    expect(facts.text).not.toContain('PWNED');

    const allowed = requests.filter((request) => request.verdict === 'allowed').map((request) => request.url);
    for (const url of allowed) expect(url).toMatch(/^(data:|about:)/);
    const blocked = requests.filter((request) => request.verdict === 'blocked').map((request) => request.url);
    expect(blocked).toContain('http://127.0.0.1:9/x.png');
    expect(blocked).toContain('http://127.0.0.1:9/evil.css');
    // file:// never even becomes a request: Chromium refuses it from an about:blank document.
    expect(requests.map((request) => request.url)).not.toContain('file:///etc/passwd');
  });

  it('stops a report that takes too long and stays usable', async () => {
    const failure = await printer.print(REPORT, { ...OPTIONS, timeoutMs: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PdfError);
    expect((failure as PdfError).code).toBe('RENDER_TIMEOUT');

    const facts = await inspectPdf(await printer.print('<h1>After timeout</h1>', OPTIONS));
    expect(facts.text).toContain('After timeout');
  });

  it('prints several reports at once', async () => {
    const titles = ['One', 'Two', 'Three'];
    const pdfs = await Promise.all(titles.map((title) => printer.print(`<h1>Report ${title}</h1>`, OPTIONS)));
    const texts = await Promise.all(pdfs.map(async (pdf) => (await inspectPdf(pdf)).text));
    titles.forEach((title, i) => expect(texts[i]).toContain(`Report ${title}`));
  });

  it('relaunches Chromium when it dies and prints again', async () => {
    const oldPid = printer.pid;
    expect(oldPid).toBeDefined();
    process.kill(oldPid as number, 'SIGKILL');

    const facts = await inspectPdf(await printer.print('<h1>After crash</h1>', OPTIONS));
    expect(facts.text).toContain('After crash');
    expect(printer.pid).toBeDefined();
    expect(printer.pid).not.toBe(oldPid);
  });

  it('closes idempotently, kills Chromium and refuses further work', async () => {
    const pid = printer.pid as number;
    await Promise.all([printer.close(), printer.close()]);
    expect(isRunning(pid)).toBe(false);
    const failure = await printer.print('<p>late</p>', OPTIONS).catch((error: unknown) => error);
    expect((failure as PdfError).code).toBe('PRINTER_CLOSED');
  });
});

describe('PdfPrinter.launch failures', () => {
  it('reports a missing --browser-path as BROWSER_NOT_FOUND', async () => {
    const failure = await PdfPrinter.launch({ browserPath: '/nonexistent/chrome' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BrowserError);
    expect((failure as BrowserError).code).toBe('BROWSER_NOT_FOUND');
  });

  it('reports a browser that will not start as BROWSER_LAUNCH_FAILED and leaves no profile behind', async () => {
    const profiles = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('casereport-chromium-'));
    const before = profiles();
    const failure = await PdfPrinter.launch({ browser: { path: '/bin/false', via: 'test' } }).catch((error: unknown) => error);
    expect((failure as BrowserError).code).toBe('BROWSER_LAUNCH_FAILED');
    expect((failure as BrowserError).hint).toContain('CASEREPORT_NO_SANDBOX');
    expect(profiles()).toEqual(before);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A reaped-late zombie still answers signal 0, so ask /proc whether it is only a zombie.
  try {
    return !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
