import type { Command } from 'commander';
import { buildJsonSchema } from '../../core/schema/json-schema.js';

/** `casereport schema`: the JSON Schema of the case file format, for editors and other tools. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .summary('print the JSON Schema of the case file format')
    .description('Print the JSON Schema of the case file format (generated from the same schema the validator uses).')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport schema > case.schema.json
  # then, in a case file:  # yaml-language-server: $schema=./case.schema.json`,
    )
    .action(() => {
      process.stdout.write(`${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
    });
}
