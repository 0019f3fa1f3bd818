import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/io/load-template.js';
import { compileTemplate, precompileBundle } from '../../src/render/compile-template.js';
import { specFromCode, type TemplateSpec } from '../../src/render/handlebars-env.js';
import { precompiledKey } from '../../src/render/precompiled.js';
import { TemplateError, type TemplateBundle, type TextFormat } from '../../src/render/template-bundle.js';
import type { ReportModel } from '../../src/core/model/types.js';
import { ALL_CASES, BUILT_IN, EXTRAS, exampleModel } from './render-case.js';

/** A template bundle made in memory: a main template per format and some partials. */
function bundle(main: string, partials: Record<string, string> = {}, formats: TextFormat[] = ['md', 'html']): TemplateBundle {
  return {
    name: 'test',
    description: '',
    dir: '/templates/test',
    formats: Object.fromEntries(formats.map((f) => [f, { file: `/templates/test/report.${f}.hbs`, source: main }])),
    partials: Object.fromEntries(
      Object.entries(partials).map(([name, source]) => [name, { file: `/templates/test/partials/${name}.hbs`, source }]),
    ),
    css: '',
  };
}

const renderWith = (source: string, context: object, format: TextFormat = 'md', partials: Record<string, string> = {}): string =>
  compileTemplate(bundle(source, partials)).render(format, context as unknown as ReportModel, EXTRAS);

/** What the build writes into dist/render/precompiled/, loaded the way `require` would load it. */
function asLoaded(specs: Map<string, string>): Map<string, TemplateSpec> {
  return new Map([...specs].map(([key, spec]) => [key, specFromCode(spec)]));
}

describe('Markdown escaping at output', () => {
  it('escapes {{value}} for Markdown and leaves {{{value}}} as written', () => {
    expect(renderWith('{{a}} / {{{a}}}', { a: '**bold** <b> | x_y' })).toBe('\\*\\*bold\\*\\* \\<b\\> \\| x\\_y / **bold** <b> | x_y');
  });

  it('escapes inside blocks, nested blocks and partials', () => {
    const source = '{{#each items}}{{#with this}}[{{name}}]{{/with}}{{> item}}{{/each}}';
    const out = renderWith(source, { items: [{ name: 'a*b' }, { name: '#c' }] }, 'md', { item: '({{name}})' });
    expect(out).toBe('[a\\*b](a\\*b)[\\#c](\\#c)');
  });

  it('prints numbers, booleans and empty values as Handlebars does, and turns line breaks into spaces', () => {
    expect(renderWith('{{n}} {{z}} {{f}} {{yes}} [{{e}}] {{l}}', { n: 2.5, z: 0, f: false, yes: true, e: null, l: 'one\ntwo' })).toBe(
      '2.5 0 false true [] one two',
    );
  });

  it('escapes what helpers return', () => {
    expect(renderWith('{{join list " + "}} {{capitalize word}}', { list: ['a_1', 'b*2'], word: '<tag>' })).toBe('a\\_1 + b\\*2 \\<tag\\>');
  });

  it('leaves HTML output to HTML escaping', () => {
    expect(renderWith('{{a}}', { a: '**bold** <b>' }, 'html')).toBe('**bold** &lt;b&gt;');
  });
});

describe('template checks', () => {
  it('refuses a helper casereport does not provide when compiling, naming the file and line', () => {
    let error: unknown;
    try {
      compileTemplate(bundle('line one\n{{shout title}}\n', {}, ['md']));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe('unknown helper `shout`');
    expect((error as TemplateError).line).toBe(2);
    expect((error as TemplateError).file).toBe('/templates/test/report.md.hbs');
    expect((error as TemplateError).location()).toBe('report.md.hbs:2:1');
  });

  it('reports a syntax error when the template is compiled, before any case is rendered', () => {
    expect(() => compileTemplate(bundle('ok\n{{#if x}}never closed\n'))).toThrow(TemplateError);
  });
});

describe('templates compiled at build time', () => {
  it.each(BUILT_IN)('render %s exactly as compiling at run time does', (name) => {
    const template = loadTemplate(name);
    const specs = precompileBundle(template);
    const ahead = compileTemplate(template, asLoaded(specs));
    const now = compileTemplate(template, new Map());
    for (const format of ahead.formats) {
      expect(specs.has(precompiledKey(format, template.formats[format]?.source ?? ''))).toBe(true);
      for (const example of ALL_CASES) {
        const model = exampleModel(example);
        expect(ahead.render(format, model, EXTRAS), `${name} ${format} ${example}`).toBe(now.render(format, model, EXTRAS));
      }
    }
  });

  it('compile only the partials each format can reach', () => {
    const specs = precompileBundle(bundle('{{> used}}', { used: 'U {{> nested}}', nested: 'N', unused: 'X' }, ['md']));
    expect([...specs.keys()].sort()).toEqual(['{{> used}}', 'U {{> nested}}', 'N'].map((s) => precompiledKey('md', s)).sort());
  });

  it('are not used for a source that was changed after the build', () => {
    const built = bundle('built: {{title}}', {}, ['md']);
    const specs = asLoaded(precompileBundle(built));
    const edited = bundle('edited: {{title}}', {}, ['md']);
    expect(compileTemplate(edited, specs).render('md', { title: 'T' } as unknown as ReportModel, EXTRAS)).toBe('edited: T');
    expect(compileTemplate(built, specs).render('md', { title: 'T' } as unknown as ReportModel, EXTRAS)).toBe('built: T');
  });
});
