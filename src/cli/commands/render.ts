import { join } from 'node:path';
import type { Command } from 'commander';
import { EXTENSIONS, OUTPUT_FORMATS, renderCaseText, type OutputFormat, type TextOutputFormat } from '../../generate.js';
import { tooLargeIssue } from '../../core/parse.js';
import { compileTemplate, type CompiledTemplate } from '../../render/compile-template.js';
import { TemplateError } from '../../render/template-bundle.js';
import { expandInputs } from '../../io/expand-inputs.js';
import { loadTemplate } from '../../io/load-template.js';
import { readCaseSource } from '../../io/read-case.js';
import { writeFileAtomic } from '../../io/safe-write.js';
import { CliError, EXIT, worstExitCode, type ExitCode } from '../exit-codes.js';
import { formatIssues } from '../format-issues.js';
import { GENERATOR } from '../package-info.js';
import { Terminal, type GlobalOptions } from '../terminal.js';

interface RenderOptions extends GlobalOptions {
  format: string;
  template: string;
  outDir: string;
  output?: string;
}

/** `casereport render`: case files in, reports out; one bad file does not stop the others. */
export function registerRender(program: Command): void {
  program
    .command('render')
    .summary('render case files to Markdown, HTML or JSON')
    .description('Validate case files and render each to a report. Inputs may be files, folders (searched for *.yaml and *.yml) or glob patterns; `-` reads one case from standard input.')
    .argument('<inputs...>', 'case files, folders or globs; - for standard input')
    .option('-f, --format <formats>', `output format(s), comma-separated: ${OUTPUT_FORMATS.filter((f) => f !== 'pdf').join(', ')}`, 'md')
    .option('-t, --template <name-or-dir>', 'built-in template name (care, narrative) or a template folder', 'care')
    .option('-d, --out-dir <dir>', 'folder for the outputs, named <id>.<ext>', '.')
    .option('-o, --output <file>', 'write the one report to this file (- for standard output)')
    .addHelpText('after', `
Examples:
  $ casereport render examples/steven-sci.yaml --format md --out-dir out
  $ casereport render cases/ --format md,html,json --out-dir reports
  $ casereport render 'cases/**/*.yaml' --template narrative
  $ casereport render case.yaml -o - | less
  $ cat case.yaml | casereport render - --format json -o -`)
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<RenderOptions>();
      process.exitCode = await runRender(inputs, options);
    });
}

function parseFormats(text: string): TextOutputFormat[] {
  const formats = [...new Set(text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean))];
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`unknown format \`${format}\``, EXIT.usage, `choose from ${OUTPUT_FORMATS.join(', ')}`);
    }
    if (format === 'pdf') throw new CliError('PDF output is not available in this version', EXIT.usage, 'render html and print it, or update casereport');
  }
  if (formats.length === 0) throw new CliError('no output format given', EXIT.usage);
  return formats as TextOutputFormat[];
}

function compileChosenTemplate(name: string): CompiledTemplate {
  try {
    return compileTemplate(loadTemplate(name));
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(`template error: ${error.describe()}`, EXIT.template);
    throw error;
  }
}

async function runRender(inputs: string[], options: RenderOptions): Promise<ExitCode> {
  const term = new Terminal(options);
  const formats = parseFormats(options.format);
  const { refs, problems } = await expandInputs(inputs);
  const toStdout = options.output === '-';
  if (options.output !== undefined && (refs.length !== 1 || formats.length !== 1)) {
    throw new CliError('-o/--output takes one input and one format', EXIT.usage, 'use --out-dir for several inputs or formats');
  }
  const template = compileChosenTemplate(options.template);
  const codes: ExitCode[] = [];
  for (const problem of problems) {
    term.problem(`${term.err.bold(problem.input)}  ${term.err.red(problem.message)}`);
    codes.push(EXIT.invalidInput);
  }
  const written = new Map<string, string>();
  let rendered = 0;
  for (const ref of refs) {
    const source = readCaseSource(ref);
    const result = source.tooLarge !== undefined
      ? { ok: false as const, kind: 'invalid' as const, issues: [tooLargeIssue(source.tooLarge)] }
      : renderCaseText(source.text, { template, formats, generator: GENERATOR });
    if (!result.ok) {
      if (result.kind === 'invalid') term.problem(formatIssues(source.name, result.issues, source.text, term.err));
      else term.problem(`${term.err.bold(source.name)}  ${term.err.red(`template error: ${result.error.describe()}`)}`);
      codes.push(result.kind === 'invalid' ? EXIT.invalidInput : EXIT.template);
      continue;
    }
    for (const [format, content] of result.outputs) {
      if (toStdout) {
        term.data(content);
        continue;
      }
      const target = options.output ?? join(options.outDir, `${result.model.id}.${EXTENSIONS[format as OutputFormat]}`);
      const previous = written.get(target);
      if (previous !== undefined) {
        term.problem(`${term.err.bold(source.name)}  ${term.err.red(`would overwrite ${target}, already written for ${previous}`)}\n        ${term.err.green('hint:')} give each case its own id`);
        codes.push(EXIT.invalidInput);
        continue;
      }
      writeFileAtomic(target, content);
      written.set(target, source.name);
      term.info(`${term.out.green('wrote')} ${target}`);
    }
    rendered++;
  }
  const failed = codes.length;
  if (refs.length + problems.length > 1 || failed > 0) {
    term.problem(`${rendered} rendered, ${failed} failed`);
  }
  return failed === 0 ? EXIT.ok : worstExitCode(codes);
}
