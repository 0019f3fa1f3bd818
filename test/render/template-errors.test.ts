import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/cases.js';
import { loadTemplate } from '../../src/io/load-template.js';
import { compileTemplate, precompileBundle } from '../../src/render/compile-template.js';
import { specFromCode } from '../../src/render/handlebars-env.js';
import { TEMPLATE_HELPERS } from '../../src/render/helpers.js';
import type { TextFormat } from '../../src/render/template-bundle.js';
import { EXTRAS, exampleModel } from './render-case.js';
import { makeTemplate, MANIFEST, removeTemplates, templateErrorOf } from './template-folder.js';

afterAll(removeTemplates);

/** A report.html.hbs whose line `line` is `text`, the lines before it plain HTML. */
function htmlAt(line: number, text: string): string {
  return `${Array.from({ length: line - 1 }, (_, i) => `<p>line ${i + 1}</p>`).join('\n')}\n${text}\n`;
}

/** 1-based column of `needle` in `line`. */
const columnOf = (line: string, needle: string): number => line.indexOf(needle) + 1;

/** Loads, compiles and renders a template folder for a case; returns the TemplateError it throws. */
function renderError(files: Record<string, string | null>, format: TextFormat = 'html', example = 'steven-sci') {
  return templateErrorOf(() => compileTemplate(loadTemplate(makeTemplate(files))).render(format, exampleModel(example), EXTRAS));
}

describe('a misspelt field', () => {
  it('is named in plain words, at its file, line and column, with the field meant', () => {
    const line = '  <h1 class="title">{{titel}}</h1>';
    const error = renderError({ 'report.html.hbs': htmlAt(20, line) });
    expect(error.describe()).toBe(`unknown field \`titel\` (report.html.hbs:20:${columnOf(line, 'titel')}); did you mean \`title\`?`);
    expect(error.describe()).not.toContain('[object Object]');
  });

  it('draws the suggestion from the fields where it is looked up, and names partials by their path in the folder', () => {
    const partial = '{{#each observations}}\n<li>\n{{findng}}</li>{{/each}}';
    const error = renderError({ 'report.html.hbs': '{{> html-list}}', 'partials/html-list.hbs': partial });
    expect(error.describe()).toBe('unknown field `findng` (partials/html-list.hbs:3:3); did you mean `finding`?');
  });

  it('lists the fields that exist there when none is close', () => {
    const error = renderError({ 'report.md.hbs': '{{#with pronouns}}{{xyzzy}}{{/with}}' }, 'md');
    expect(error.message).toBe('unknown field `xyzzy`');
    expect(error.hint).toBe(`fields here: ${Object.keys(exampleModel('steven-sci').pronouns).join(', ')}`);
  });

  it('says which value of a path holds the missing field', () => {
    const error = renderError({ 'report.md.hbs': '# {{title}}\n{{input.patient.sexx}}' }, 'md');
    expect(error.describe()).toBe('unknown field `sexx` of `input.patient` (report.md.hbs:2:3); did you mean `sex`?');
  });

  it('explains an empty value on the way, and a field asked of a text', () => {
    const empty = renderError({ 'report.md.hbs': '{{onset.text}}' }, 'md', 'minimal');
    expect(exampleModel('minimal').onset).toBeUndefined();
    expect(empty.describe()).toBe(
      'cannot read `text` of `onset`: `onset` is empty or missing here (report.md.hbs:1:3); check the spelling of `onset`, or test it first with {{#if onset}}',
    );
    const text = renderError({ 'report.md.hbs': '{{#each keywords}}{{name}}{{/each}}' }, 'md');
    expect(text.message).toBe(
      `unknown field \`name\`: the value here is the text ${JSON.stringify(exampleModel('steven-sci').keywords[0])}, which has no fields`,
    );
    expect(text.hint).toBe('write {{this}} for the value itself');
  });

  it('names a misspelt data variable and the ones that exist', () => {
    const error = renderError({ 'report.html.hbs': '<style>{{{@cs}}}</style>' });
    expect(error.describe()).toBe('unknown data variable `@cs` (report.html.hbs:1:11); did you mean `@css`?');
  });
});

describe('an unknown partial', () => {
  it('is an error when the template is loaded, at its line, naming the partials that exist', () => {
    const dir = makeTemplate({
      'report.md.hbs': '# {{title}}\n\n{{> md-bylin}}\n',
      'partials/md-byline.hbs': 'by',
      'partials/md-other.hbs': 'x',
    });
    const error = templateErrorOf(() => compileTemplate(loadTemplate(dir)));
    expect(error.describe()).toBe(
      'unknown partial `md-bylin` (report.md.hbs:3:1); did you mean `md-byline`? partials: md-byline, md-other',
    );
  });

  it('is located at its call when a precompiled source calls a partial the folder no longer has', () => {
    const dir = makeTemplate({
      'report.md.hbs': '# {{title}}\n\n  {{> md-byline}}\n',
      'partials/md-byline.hbs': 'by',
      'partials/md-other.hbs': 'x',
    });
    const built = loadTemplate(dir);
    const specs = new Map([...precompileBundle(built)].map(([key, code]) => [key, specFromCode(code)]));
    const { 'md-byline': _deleted, ...partials } = built.partials;
    const edited = compileTemplate({ ...built, partials }, specs);
    const error = templateErrorOf(() => edited.render('md', exampleModel('minimal'), EXTRAS));
    expect(error.describe()).toBe('unknown partial `md-byline` (report.md.hbs:3:3); partials: md-other');
  });
});

describe('an unknown helper', () => {
  it('is an error when the template is loaded, listing the helpers', () => {
    const error = templateErrorOf(() =>
      compileTemplate(loadTemplate(makeTemplate({ 'report.md.hbs': '# {{title}}\n{{joni keywords ", "}}\n' }))),
    );
    expect(error.message).toBe('unknown helper `joni`');
    expect(error.location()).toBe('report.md.hbs:2:1');
    expect(error.hint).toMatch(/^did you mean `join`\? helpers: /);
    for (const name of [...Object.keys(TEMPLATE_HELPERS), 'if', 'each', 'with']) expect(error.hint).toContain(name);
  });

  it('is found inside sub-expressions too', () => {
    const error = templateErrorOf(() => compileTemplate(loadTemplate(makeTemplate({ 'report.md.hbs': '{{#if (shout title)}}x{{/if}}' }))));
    expect(error.message).toBe('unknown helper `shout`');
    expect(error.location()).toBe('report.md.hbs:1:7');
  });
});

describe('a block', () => {
  it('that is never closed is named at the line of its opening tag', () => {
    const source = '# {{title}}\n\n{{#each keywords}}\n- {{this}}\n{{#if true}}x{{/if}}\n\nmore text\n';
    const error = templateErrorOf(() => compileTemplate(loadTemplate(makeTemplate({ 'report.md.hbs': source }))));
    expect(error.describe()).toBe('`{{#each}}` is never closed (report.md.hbs:3:1); add `{{/each}}` where the block ends');
  });

  it('closed by the wrong tag is named at that tag, with the line of the block it closes', () => {
    const source = '{{#each keywords}}\n  {{#if this}}\n    {{this}}\n  {{/each}}\n{{/if}}\n';
    const error = templateErrorOf(() => compileTemplate(loadTemplate(makeTemplate({ 'report.md.hbs': source }))));
    expect(error.describe()).toBe(
      '`{{/each}}` closes `{{#if}}`, which opened at line 2 (report.md.hbs:4:3); close `{{#if}}` with `{{/if}}` first',
    );
  });

  it('is not confused by block tags written inside comments', () => {
    const source = '{{!-- {{#if a}} is how a block opens --}}\n{{#with pronouns}}\n{{subject}}\n';
    const error = templateErrorOf(() => compileTemplate(loadTemplate(makeTemplate({ 'report.md.hbs': source }))));
    expect(error.message).toBe('`{{#with}}` is never closed');
    expect(error.location()).toBe('report.md.hbs:2:1');
  });
});

describe('template.json', () => {
  it('with a syntax error gives its line and column', () => {
    const text = '{\n  "name": "test",\n  "formats": { "md": "report.md.hbs", },\n  "partials": "partials"\n}\n';
    const error = templateErrorOf(() => loadTemplate(makeTemplate({ 'template.json': text })));
    const line = text.split('\n')[2] ?? '';
    expect(error.describe()).toBe(
      `template.json is not valid JSON: a comma before \`}\`: JSON allows no trailing comma (template.json:3:${line.indexOf(', }') + 1})`,
    );
  });

  it.each([
    ['{\n  "name": \'test\'\n}', 'JSON strings need double quotes, not single quotes', '2:11'],
    ['{\n  "name": "test"\n  "formats": {}\n}', 'expected `,` or `}`, found `"`', '3:3'],
    ['{\n  "name": "test",\n', 'expected a property name in double quotes, found the end of the file', '3:1'],
    ['{\n  "name": "test",\n  "formats": \n', 'the file ends where a value is expected', '4:1'],
    ['{ "name": "te\nst" }', 'the string is not closed on its line (a missing `"`?)', '1:14'],
  ])('names the mistake and where it is: %j', (text, message, at) => {
    const error = templateErrorOf(() => loadTemplate(makeTemplate({ 'template.json': text })));
    expect(error.message).toBe(`template.json is not valid JSON: ${message}`);
    expect(error.location()).toBe(`template.json:${at}`);
  });

  it('with an unknown key points at it and suggests the key meant', () => {
    const text = JSON.stringify({ ...MANIFEST, formats: { md: 'report.md.hbs', htm: 'report.html.hbs' } }, null, 2);
    const error = templateErrorOf(() => loadTemplate(makeTemplate({ 'template.json': text })));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"htm"'));
    expect(error.describe()).toBe(
      `unknown key \`htm\` in \`formats\` (template.json:${line + 1}:${columnOf(lines[line] ?? '', '"htm"')}); did you mean \`html\`?`,
    );
  });

  it('naming a file that does not exist points at the line that names it', () => {
    const text = JSON.stringify({ ...MANIFEST, css: ['style.css', 'print.css'] }, null, 2);
    const error = templateErrorOf(() => loadTemplate(makeTemplate({ 'template.json': text })));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"print.css"'));
    expect(error.describe()).toBe(`\`print.css\` does not exist (template.json:${line + 1}:${columnOf(lines[line] ?? '', '"print.css"')})`);
  });
});

describe('the command line', () => {
  it('exits 4 with the message, its place in the template folder and the hint', () => {
    const line = '<p>{{titel}}</p>';
    const dir = makeTemplate({ 'report.html.hbs': htmlAt(20, line) });
    const run = runCli(['render', join(ROOT, 'examples', 'minimal.yaml'), '--template', dir, '--format', 'html', '-o', '-']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      `template error: unknown field \`titel\` (report.html.hbs:20:${columnOf(line, 'titel')}); did you mean \`title\`?`,
    );
  });

  it('exits 4 for a mistake found when loading the template', () => {
    const dir = makeTemplate({ 'report.md.hbs': '# {{title}}\n{{> nope}}\n' });
    const run = runCli(['render', join(ROOT, 'examples', 'minimal.yaml'), '--template', dir, '-o', '-']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('error: template error: unknown partial `nope` (report.md.hbs:2:1); the template has no partials');
  });
});
