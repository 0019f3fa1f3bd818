import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import { VERSION } from '../io/package-info.js';
import { colorsFor, safeForTerminal } from './terminal.js';

type Register = (program: Command) => void;

// Each command's module is loaded only when needed: `casereport render …` does not pay for
// loading the checker, and `--version` loads almost nothing. Listed in the order help shows them.
const COMMANDS: [string, () => Promise<Register>][] = [
  ['render', async () => (await import('./commands/render.js')).registerRender],
  ['validate', async () => (await import('./commands/validate.js')).registerValidate],
  ['check', async () => (await import('./commands/check.js')).registerCheck],
  ['series', async () => (await import('./commands/series.js')).registerSeries],
  ['draft', async () => (await import('./commands/draft.js')).registerDraft],
  ['instruments', async () => (await import('./commands/instruments.js')).registerInstruments],
  ['init', async () => (await import('./commands/init.js')).registerInit],
  ['templates', async () => (await import('./commands/templates.js')).registerTemplates],
  ['schema', async () => (await import('./commands/schema.js')).registerSchema],
  ['doctor', async () => (await import('./commands/doctor.js')).registerDoctor],
];

/** The subcommand named on the command line, if any (the first word that is not an option). */
function requestedCommand(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((arg) => !arg.startsWith('-'));
}

/** The command line: builds the program, runs it, and turns every failure into a message and an exit code. */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('casereport')
    .description('Turn YAML case files into honest, well-structured medical case reports.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', 'print more detail, and stack traces of internal errors')
    .option('--no-color', 'no colours (also: NO_COLOR=1, or when output is not a terminal)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ casereport init case.yaml
  $ casereport validate case.yaml
  $ casereport render case.yaml --format md,html --out-dir out

Exit codes:
  0 success   1 internal error   2 usage error   3 invalid input   4 template error
  5 no browser / browser failure   6 a PDF timed out`,
    );
  const wanted = requestedCommand(argv);
  const versionOnly = wanted === undefined && argv.some((arg) => arg === '-V' || arg === '--version');
  const needed = versionOnly ? [] : COMMANDS.some(([name]) => name === wanted) ? COMMANDS.filter(([name]) => name === wanted) : COMMANDS;
  for (const register of await Promise.all(needed.map(([, load]) => load()))) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI with the given arguments and sets process.exitCode. */
export async function runCli(argv: string[]): Promise<void> {
  // A reader that stops early (`casereport render … -o - | head`) closes standard output: what it
  // did not read is not wanted, which is not a failure. (The render job sees it and stops.)
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const program = await buildProgram(argv);
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportFailure(error, verbose);
  }
}

function reportFailure(error: unknown, verbose: boolean): number {
  const c = colorsFor(process.stderr, {});
  if (error instanceof CommanderError) {
    // Help and version are not failures; commander has printed its own message for the rest.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    process.stderr.write(`${c.red('error:')} ${safeLines(error.message)}\n`);
    if (error.hint) process.stderr.write(`${c.green('hint:')} ${safeLines(error.hint)}\n`);
    return error.exitCode;
  }
  process.stderr.write(`${c.red('internal error:')} ${safeLines(error instanceof Error ? error.message : String(error))}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(run again with --verbose for details, and please report this as a bug)\n');
  return EXIT.internal;
}

/** A message that may quote a case file or a template, line by line made safe for the terminal. */
function safeLines(text: string): string {
  return text.split('\n').map(safeForTerminal).join('\n');
}
