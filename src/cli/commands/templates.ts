import { cpSync, existsSync, readdirSync } from 'node:fs';
import type { Command } from 'commander';
import { listBuiltInTemplates, loadTemplate } from '../../io/load-template.js';
import { CliError, EXIT } from '../exit-codes.js';
import { Terminal, type GlobalOptions } from '../terminal.js';

/** `casereport templates`: list the built-in templates, or copy one out to make your own. */
export function registerTemplates(program: Command): void {
  const templates = program
    .command('templates')
    .summary('list the built-in templates, or eject one to customize')
    .description(
      'List the built-in report templates. `templates eject NAME DIR` copies one into DIR (manifest, .hbs files, partials, CSS) to use with --template DIR; images the template shows go in DIR/assets/ and are written `assets/NAME` (see the README).',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ casereport templates
  $ casereport templates eject care my-template
  $ casereport render case.yaml --template my-template`,
    )
    .action((_options: unknown, command: Command) => {
      const term = new Terminal(command.optsWithGlobals<GlobalOptions>());
      const list = listBuiltInTemplates();
      const width = Math.max(...list.map((t) => t.name.length));
      for (const t of list)
        term.info(`${term.out.bold(t.name.padEnd(width))}  ${t.for === 'series' ? '(for `casereport series`) ' : ''}${t.description}`);
    });
  templates
    .command('eject')
    .description('copy a built-in template into a folder, to start your own from it')
    .argument('<name>', 'built-in template name')
    .argument('<dir>', 'folder to create (must not exist, or be empty)')
    .action((name: string, dir: string, _options: unknown, command: Command) => {
      const term = new Terminal(command.optsWithGlobals<GlobalOptions>());
      const names = listBuiltInTemplates().map((t) => t.name);
      if (!names.includes(name))
        throw new CliError(`no built-in template named \`${name}\``, EXIT.usage, `choose from ${names.join(', ')}`);
      if (existsSync(dir) && readdirSync(dir).length > 0)
        throw new CliError(`${dir} exists and is not empty`, EXIT.usage, 'choose a new folder');
      cpSync(loadTemplate(name).dir, dir, { recursive: true });
      term.info(`copied template \`${name}\` to ${dir}; use it with --template ${dir}`);
    });
}
