import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/safe-write.js';
import { CliError, EXIT } from '../exit-codes.js';
import { PACKAGE_ROOT } from '../../io/package-info.js';
import { starterCase } from '../starter-case.js';
import { Terminal, type GlobalOptions } from '../terminal.js';

interface InitOptions extends GlobalOptions {
  force?: boolean;
}

/** `casereport init`: start a new case file that validates as it is and that editors can check. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .summary('write a new case file to start from')
    .description(
      'Write a new, valid case file with the common fields and comments, and a yaml-language-server $schema line so editors complete and check fields.',
    )
    .argument('[file]', 'the file to create', 'case.yaml')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport init
  $ casereport init cases/patient-a.yaml && casereport validate cases/patient-a.yaml`,
    )
    .action((file: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<InitOptions>();
      if (existsSync(file) && !options.force) {
        throw new CliError(`${file} already exists`, EXIT.usage, 'choose another name, or pass --force to overwrite it');
      }
      const schemaPath = join(PACKAGE_ROOT, 'schema', 'case.schema.json');
      let ref = relative(dirname(resolve(file)), schemaPath)
        .split(sep)
        .join('/');
      if (!ref.startsWith('.')) ref = `./${ref}`;
      const id =
        basename(file, extname(file))
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'new-case';
      writeFileAtomic(file, starterCase(ref, /^[a-z0-9]/.test(id) ? id : `case-${id}`));
      new Terminal(options).info(`wrote ${file}: edit it, then run \`casereport validate ${file}\``);
    });
}
