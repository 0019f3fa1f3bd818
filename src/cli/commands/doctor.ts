import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { Terminal, type GlobalOptions } from '../terminal.js';

interface DoctorOptions extends GlobalOptions {
  browserPath?: string;
}

const TEST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>casereport doctor</title></head>
<body><h1>casereport doctor</h1><p>PDF output works.</p><p lang="zh">北京 中文测试</p></body></html>`;

/** `casereport doctor`: can this machine make PDFs? Checks each part and prints one test page. */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .summary('check that PDF output works on this machine')
    .description(
      'Report the Node.js version, the browser found and its version, the sandbox mode and whether CJK fonts are present, then print a one-page test PDF. Exits non-zero when PDF output cannot work.',
    )
    .option('--browser-path <path>', 'check this Chrome or Chromium instead of the one found automatically')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport doctor
  $ casereport doctor --browser-path /usr/bin/chromium`,
    )
    .action(async (_options: unknown, command: Command) => {
      process.exitCode = await runDoctor(command.optsWithGlobals<DoctorOptions>());
    });
}

async function runDoctor(options: DoctorOptions): Promise<ExitCode> {
  // Loaded on use, like render: the browser driver is heavy.
  const { BrowserError, PdfPrinter, registerExitCleanup } = await import('../../pdf/index.js');
  const term = new Terminal({ ...options, quiet: false });
  const ok = (label: string, text: string): void => term.info(`${term.out.green('ok  ')} ${label.padEnd(10)} ${text}`);
  const bad = (label: string, text: string): void => term.info(`${term.out.red('FAIL')} ${label.padEnd(10)} ${text}`);
  const warn = (label: string, text: string): void => term.info(`${term.out.yellow('warn')} ${label.padEnd(10)} ${text}`);

  const major = Number(process.versions.node.split('.')[0]);
  (major >= 20 ? ok : bad)('node', `${process.version}${major >= 20 ? '' : ' (casereport needs Node.js 20 or newer)'}`);
  const fonts = hasCjkFonts();
  if (fonts === undefined) warn('cjk fonts', 'cannot tell (fc-list not found)');
  else if (fonts) ok('cjk fonts', 'present: Chinese, Japanese and Korean text prints as text');
  else warn('cjk fonts', 'missing: CJK text would print as boxes (Debian: apt-get install fonts-noto-cjk)');

  let printer;
  try {
    printer = await PdfPrinter.launch({ ...(options.browserPath ? { browserPath: options.browserPath } : {}), concurrency: 1 });
  } catch (error) {
    if (!(error instanceof BrowserError)) throw error;
    bad('browser', error.message);
    for (const place of error.tried) term.info(`           tried: ${place}`);
    if (error.hint) term.info(`           ${error.hint.split('\n').join('\n           ')}`);
    return EXIT.browser;
  }
  const removeCleanup = registerExitCleanup(printer);
  try {
    ok('browser', `${printer.browser.path} (${printer.version}, found via ${printer.browser.via})`);
    ok('sandbox', printer.sandboxReason);
    const started = Date.now();
    const pdf = await printer.print(TEST_PAGE, {
      headerTitle: 'casereport doctor',
      footerLeft: 'doctor',
      metadata: { title: 'casereport doctor' },
      timeoutMs: 30_000,
    });
    const isPdf = Buffer.from(pdf.subarray(0, 5)).toString('latin1') === '%PDF-';
    (isPdf ? ok : bad)(
      'pdf',
      isPdf ? `printed a one-page test PDF (${pdf.length} bytes) in ${Date.now() - started} ms` : 'the browser did not produce a PDF',
    );
    return isPdf ? EXIT.ok : EXIT.browser;
  } catch (error) {
    bad('pdf', error instanceof Error ? error.message : String(error));
    return EXIT.browser;
  } finally {
    removeCleanup();
    await printer.close();
  }
}

function hasCjkFonts(): boolean | undefined {
  const run = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (run.error) return undefined;
  return run.stdout.trim().length > 0;
}
