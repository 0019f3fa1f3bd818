import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { summarizeInstrument, listInstruments } from '../../core/instruments/describe.js';
import { buildInstrumentTable } from '../../core/instruments/lookup.js';
import type { Instrument } from '../../core/instruments/registry.js';
import { validateCaseText } from '../../core/validate/validate-case.js';
import { CaseReadError, readCaseSource, type CaseSource } from '../../io/read-case.js';
import { CliError, EXIT } from '../exit-codes.js';
import { formatIssues } from '../format-issues.js';
import { jsonForTerminal, safeForTerminal, Terminal, type GlobalOptions } from '../terminal.js';

interface InstrumentsOptions extends GlobalOptions {
  json?: boolean;
  case?: string;
}

/** `casereport instruments`: the instruments a case can use, with ranges and published thresholds. */
export function registerInstruments(program: Command): void {
  program
    .command('instruments')
    .summary('list the built-in instruments with their ranges and MCIDs')
    .description(
      'List the instruments assessments can name: id, short name, range and step, direction, and the published minimal clinically important difference (or minimal detectable change) with its source, or why none is given.',
    )
    .option('--json', 'print the instruments as JSON on standard output')
    .option('--case <file>', 'also list the instruments this case file defines (- for standard input)')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport instruments
  $ casereport instruments --json | jq '.[] | select(.mcid) | {id, mcid: .mcid.value}'
  $ casereport instruments --case examples/sci-assessments.yaml

Exit codes: 0 success, 3 the --case file is missing or invalid.`,
    )
    .action((_options: unknown, command: Command) => {
      runInstruments(command.optsWithGlobals<InstrumentsOptions>());
    });
}

function runInstruments(options: InstrumentsOptions): void {
  const term = new Terminal(options);
  const instruments = listInstruments(options.case === undefined ? buildInstrumentTable() : readCaseInstruments(options.case, term));
  if (options.json) {
    term.data(`${jsonForTerminal(instruments)}\n`);
    return;
  }
  const builtIn = instruments.filter((i) => i.built_in);
  const defined = instruments.filter((i) => !i.built_in);
  term.info(`Built-in instruments (${builtIn.length}):\n`);
  for (const i of builtIn) term.info(formatInstrument(i, term));
  if (defined.length > 0) {
    term.info(`Defined in ${safeForTerminal(options.case ?? '')} (${defined.length}):\n`);
    for (const i of defined) term.info(formatInstrument(i, term).split('\n').map(safeForTerminal).join('\n'));
  }
}

function formatInstrument(i: Instrument, term: Terminal): string {
  const s = summarizeInstrument(i);
  const lines = [
    `${term.out.bold(s.id)}  ${s.short}${s.name !== s.short ? `: ${s.name}` : ''}`,
    `  ${s.levels ? 'levels' : 'range'} ${s.range}, ${s.direction}`,
  ];
  if (s.parts) lines.push(`  ${i.measures ? 'totals' : 'subscores'}: ${s.parts}`);
  lines.push(`  ${s.threshold}`);
  return `${lines.join('\n')}\n`;
}

/** The instrument table of a valid case file; an invalid one is reported like `validate` does. */
function readCaseInstruments(file: string, term: Terminal): Map<string, Instrument> {
  if (file !== '-' && !existsSync(file)) throw new CliError(`cannot read ${file}: no such file`, EXIT.invalidInput);
  let source: CaseSource;
  try {
    source = readCaseSource(file === '-' ? { kind: 'stdin' } : { kind: 'file', path: file });
  } catch (error) {
    if (error instanceof CaseReadError) throw new CliError(error.message, EXIT.invalidInput, error.hint);
    throw error;
  }
  const result = validateCaseText(source.text);
  if (!result.ok) {
    term.problem(formatIssues(source.name, result.issues, source.text, term.err));
    throw new CliError(`${source.name} is not a valid case file`, EXIT.invalidInput, `run \`casereport validate ${file}\` for details`);
  }
  return result.value.instruments;
}
