import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RenderSetupError } from '../../batch/errors.js';
import { renderSeries, SERIES_FORMATS } from '../../batch/render-series.js';
import { CliError, EXIT, type ExitCode } from '../exit-codes.js';
import { formatIssues } from '../format-issues.js';
import { STARTER_SERIES } from '../starter-series.js';
import { jsonForTerminal, safeForTerminal, Terminal, type GlobalOptions } from '../terminal.js';
import { parseFormats, parseMargins, parsePageSize, parseTimeout } from './render-options.js';

interface SeriesOptions extends GlobalOptions {
  format: string;
  outDir: string;
  template?: string;
  browserPath?: string;
  pageSize: string;
  margin?: string;
  timeout: string;
  json?: boolean;
}

const SETUP_EXIT = { usage: EXIT.usage, template: EXIT.template, browser: EXIT.browser } as const;

/** `casereport series SERIES.yaml` and `casereport series init [FILE]`. */
export function registerSeries(program: Command): void {
  const series = program
    .command('series')
    .summary('render a case series: flow, results with confidence intervals, adverse events')
    .description(
      'Render a case series from a series file (docs/series-format.md) and the case files it names: the flow of patients with losses to follow-up, a patient table, results per time point (median, IQR, mean, SD) with responders and 95% Wilson intervals, adverse events over the cases that report them, a spaghetti and a swimmer plot, and what an uncontrolled series cannot show. Any problem in the series file or a case stops the series, with every problem listed.',
    )
    .argument('<file>', 'the series file (casereport_series: 1)')
    .option('-f, --format <formats>', `comma-separated: ${SERIES_FORMATS.join(', ')}`, 'md')
    .option('-d, --out-dir <dir>', 'folder for the outputs (created if needed)', '.')
    .option('-t, --template <name|dir>', 'a template for series (default: series)')
    .option('--browser-path <path>', 'Chromium or Chrome for pdf (default: found on this machine)')
    .option('--page-size <size>', 'a4 or letter', 'a4')
    .option('--margin <lengths>', 'one length or top,right,bottom,left (e.g. 20mm)')
    .option('--timeout <seconds>', 'how long the PDF may take', '60')
    .option('--json', 'print the result (or the problems) as JSON on standard output')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport series init series.yaml
  $ casereport series examples/series/series.yaml --format md,pdf,json,csv --out-dir out
  $ casereport render cases/ --format json --out-dir reports && casereport series series.yaml

Exit codes: 0 written, 2 usage error, 3 a problem in the series file or a case, 4 template error, 5 no browser.`,
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      process.exitCode = await runSeries(file, command.optsWithGlobals<SeriesOptions>());
    });
  series
    .command('init')
    .description('write a starting series file (default series.yaml) to fill in')
    .argument('[file]', 'the file to create', 'series.yaml')
    .action((file: string, _options: unknown, command: Command) => {
      const term = new Terminal(command.optsWithGlobals<GlobalOptions>());
      if (existsSync(file)) throw new CliError(`\`${file}\` exists: not overwritten`, EXIT.usage, 'name another file');
      writeFileSync(file, STARTER_SERIES, { flag: 'wx' });
      term.info(`wrote ${safeForTerminal(file)}`);
    });
}

async function runSeries(file: string, options: SeriesOptions): Promise<ExitCode> {
  const term = new Terminal(options);
  const formats = parseFormats(options.format, SERIES_FORMATS);
  const print = { pageSize: parsePageSize(options.pageSize), ...parseMargins(options.margin), timeoutMs: parseTimeout(options.timeout) };
  let result;
  try {
    result = await renderSeries({
      series: file,
      formats,
      outDir: options.outDir,
      ...(options.template !== undefined ? { template: options.template } : {}),
      ...(options.browserPath !== undefined ? { browserPath: options.browserPath } : {}),
      print,
    });
  } catch (error) {
    if (error instanceof RenderSetupError) throw new CliError(error.message, SETUP_EXIT[error.problem], error.hint);
    throw error;
  }
  if (!result.ok) {
    if (options.json)
      term.data(`${jsonForTerminal({ ok: false, problems: result.problems.map(({ file: f, issues }) => ({ file: f, issues })) })}\n`);
    else for (const p of result.problems) term.problem(formatIssues(p.file, p.issues, p.text ?? '', term.err));
    const files = result.problems.length;
    if (!options.json) term.problem(term.err.red(`series not written: problems in ${files} file${files === 1 ? '' : 's'}`));
    return EXIT.invalidInput;
  }
  if (options.json) term.data(`${jsonForTerminal({ ok: true, cases: result.cases, written: result.written })}\n`);
  else {
    for (const path of result.written) term.info(`wrote ${safeForTerminal(path)}`);
    term.info(`${result.cases} case${result.cases === 1 ? '' : 's'} in the series`);
  }
  return EXIT.ok;
}
