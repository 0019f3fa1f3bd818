import type { Command } from 'commander';
import { OUTPUT_FORMATS } from '../../formats.js';
import type { RenderOptions } from './render-options.js';

/** `casereport render`: case files in, reports out; one bad file does not stop the others. */
export function registerRender(program: Command): void {
  program
    .command('render')
    .summary('render case files to Markdown, HTML, JSON or PDF')
    .description(
      'Validate case files and render each to a report. Inputs may be files, folders (searched for *.yaml and *.yml) or glob patterns; `-` reads one case from standard input.',
    )
    .argument('<inputs...>', 'case files, folders or globs; - for standard input')
    .option('-f, --format <formats>', `output format(s), comma-separated: ${OUTPUT_FORMATS.join(', ')}`, 'md')
    .option('-t, --template <name-or-dir>', 'built-in template name (care, narrative) or a template folder', 'care')
    .option('-d, --out-dir <dir>', 'folder for the outputs', '.')
    .option('--name <pattern>', 'output file names: {id}, {name} (case file name), {dir} (its folder under the input), {ext}', '{id}.{ext}')
    .option('-o, --output <file>', 'write the one report to this file (- for standard output)')
    .option('--browser-path <path>', 'Chrome or Chromium to print PDFs with (default: found automatically)')
    .option('--page-size <size>', 'PDF page size: a4 or letter', 'a4')
    .option('--margin <lengths>', 'PDF margins: one length, or top,right,bottom,left (e.g. 20mm or 20mm,18mm,20mm,18mm)')
    .option('--timeout <seconds>', 'give up on one PDF after this long (the others go on)', '60')
    .option(
      '-j, --concurrency <n>',
      'cases rendered at once: PDF pages printed, or threads for a large text batch (default: the number of CPU cores)',
    )
    .option('--fail-fast', 'stop at the first case that fails')
    .option('--force', 'render even cases whose outputs are newer than the case file and the template')
    .option('--shard <i/n>', 'render only share I of N of the inputs (deterministic, by path), e.g. 2/5')
    .option('--json', 'print a machine-readable summary on standard output')
    .option('--deidentify', 'dates as days from the first round, ages over 89 as "90 or older"')
    .option('-w, --watch', 're-render a case when it or the template changes (Ctrl-C stops)')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport render examples/steven-sci.yaml --format pdf --out-dir out
  $ casereport render cases/ --format md,html,json,pdf --out-dir reports
  $ casereport render 'cases/**/*.yaml' --template narrative --name '{dir}/{id}.{ext}'
  $ casereport render case.yaml -o - | less
  $ cat case.yaml | casereport render - --format json -o -
  $ casereport render cases/ --format pdf --shard 2/4 --json > shard-2.json
  $ casereport render cases/ --format html --watch

Exit codes: 0 all rendered, 2 usage, 3 invalid case file, 4 template error,
5 no browser / browser failure, 6 a PDF timed out.`,
    )
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      // Loaded on use: the renderer and the browser driver are the slow part of start-up.
      const { runRender } = await import('./render-action.js');
      process.exitCode = await runRender(inputs, command.optsWithGlobals<RenderOptions>());
    });
}
