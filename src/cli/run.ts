import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerDoctor } from './commands/doctor.js';
import { registerInit } from './commands/init.js';
import { registerInstruments } from './commands/instruments.js';
import { registerRender } from './commands/render.js';
import { registerSchema } from './commands/schema.js';
import { registerTemplates } from './commands/templates.js';
import { registerValidate } from './commands/validate.js';
import { CliError, EXIT } from './exit-codes.js';
import { VERSION } from './package-info.js';
import { colorsFor } from './terminal.js';

/** The command line: builds the program, runs it, and turns every failure into a message and an exit code. */
export function buildProgram(): Command {
  const program = new Command('casereport')
    .description('Turn YAML case files into honest, well-structured medical case reports.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', 'print more detail, and stack traces of internal errors')
    .option('--no-color', 'no colours (also: NO_COLOR=1, or when output is not a terminal)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText('after', `
Examples:
  $ casereport init case.yaml
  $ casereport validate case.yaml
  $ casereport render case.yaml --format md,html --out-dir out

Exit codes:
  0 success   1 internal error   2 usage error   3 invalid input   4 template error
  5 no browser / browser failure   6 a PDF timed out`);
  registerRender(program);
  registerValidate(program);
  registerCheck(program);
  registerInit(program);
  registerTemplates(program);
  registerSchema(program);
  registerDoctor(program);
  registerInstruments(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI with the given arguments and sets process.exitCode. */
export async function runCli(argv: string[]): Promise<void> {
  const program = buildProgram();
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
    process.stderr.write(`${c.red('error:')} ${error.message}\n`);
    if (error.hint) process.stderr.write(`${c.green('hint:')} ${error.hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(`${c.red('internal error:')} ${error instanceof Error ? error.message : String(error)}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(run again with --verbose for details, and please report this as a bug)\n');
  return EXIT.internal;
}
