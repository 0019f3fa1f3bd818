import type { Command } from 'commander';
import { stringify } from 'yaml';
import { buildReportModel } from '../../core/model/build-model.js';
import { draftProse } from '../../core/model/draft.js';
import { validateCaseText } from '../../core/validate/validate-case.js';
import { CaseReadError, readCaseSource } from '../../io/read-case.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { formatIssues } from '../format-issues.js';
import { Terminal, type GlobalOptions } from '../terminal.js';

/** `casereport draft`: the generated abstract and discussion, as YAML to paste into the case file. */
export function registerDraft(program: Command): void {
  program
    .command('draft')
    .summary('print the generated abstract and discussion as YAML, to paste into the case file and edit')
    .description(
      'Print the abstract and discussion casereport writes from the data, as the case file fields `abstract` and ' +
        '`discussion.text`. Paste them into the case file and edit them: your text then replaces the generated one in ' +
        "the report. Cite the case's `references` in them as [@id]. The report keeps its own list of limitations; " +
        'the draft discussion restates them as a starting point; turn it into what you make of them.',
    )
    .argument('<file>', 'a case file; - for standard input')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport draft case.yaml
  $ casereport draft case.yaml >> case.yaml   # only if the file has no abstract or discussion yet
Exit codes: 0 printed; 3 the file is invalid or cannot be read.`,
    )
    .action((file: string, _options: unknown, command: Command) => {
      process.exitCode = runDraft(file, command.optsWithGlobals<GlobalOptions>());
    });
}

function runDraft(file: string, options: GlobalOptions): ExitCode {
  const term = new Terminal(options);
  let source;
  try {
    source = readCaseSource(file === '-' ? { kind: 'stdin' } : { kind: 'file', path: file });
  } catch (error) {
    if (!(error instanceof CaseReadError)) throw error;
    term.problem(formatIssues(error.input, [error.toIssue()], '', term.err));
    return EXIT.invalidInput;
  }
  const result = validateCaseText(source.text);
  if (!result.ok) {
    term.problem(formatIssues(source.name, result.issues, source.text, term.err));
    return EXIT.invalidInput;
  }
  const model = buildReportModel(result.value.caseFile, result.value.instruments);
  term.data(stringify(draftProse(model), { lineWidth: 100, blockQuote: 'folded' }));
  return EXIT.ok;
}
