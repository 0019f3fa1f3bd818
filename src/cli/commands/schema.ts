import type { Command } from 'commander';
import { buildJsonSchema, buildSeriesJsonSchema } from '../../core/schema/json-schema.js';

/** `casereport schema`: the JSON Schema of the case file format, for editors and other tools. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .summary('print the JSON Schema of the case file format')
    .description(
      'Print the JSON Schema of the case file format (generated from the same schema the validator uses); with --series, that of the series file format.',
    )
    .option('--series', 'the schema of series files (casereport series)')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport schema > case.schema.json
  $ casereport schema --series > series.schema.json
  # then, in a case file:  # yaml-language-server: $schema=./case.schema.json`,
    )
    .action((options: { series?: boolean }) => {
      process.stdout.write(`${JSON.stringify(options.series ? buildSeriesJsonSchema() : buildJsonSchema(), null, 2)}\n`);
    });
}
