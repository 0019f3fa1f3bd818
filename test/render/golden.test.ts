import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CASES, BUILT_IN, EXAMPLES_DIR, EXTRAS, FORMATS, compiledTemplate, exampleModel, render } from './render-case.js';

// Golden outputs: every example (and the every-field fixture) through every built-in template in
// Markdown and HTML, and its JSON model. A change of wording or layout shows up as a diff of
// test/render/__golden__/ to be reviewed (`npx vitest run -u` accepts it), never by accident.
describe('golden outputs', () => {
  describe.each(ALL_CASES)('%s', (name) => {
    const model = exampleModel(name);

    it('JSON model', async () => {
      await expect(`${JSON.stringify(model, null, 2)}\n`).toMatchFileSnapshot(`__golden__/${name}.json`);
    });

    it.each(BUILT_IN.flatMap((template) => FORMATS.map((format) => [template, format] as const)))('%s %s', async (template, format) => {
      await expect(render(template, format, model)).toMatchFileSnapshot(`__golden__/${name}.${template}.${format}`);
    });
  });
});

// The bundled example series: its JSON model and its report in Markdown and HTML.
describe('golden outputs of the example series', async () => {
  const { loadSeries } = await import('../../src/io/read-series.js');
  const { buildSeriesModel } = await import('../../src/core/series/build-series.js');
  const { translator } = await import('../../src/text/translator.js');
  const loaded = await loadSeries(join(EXAMPLES_DIR, 'series', 'series.yaml'));
  const model = buildSeriesModel(loaded.series as NonNullable<typeof loaded.series>, loaded.summaries, translator());

  it('JSON model', async () => {
    expect(loaded.problems).toEqual([]);
    await expect(`${JSON.stringify(model, null, 2)}\n`).toMatchFileSnapshot('__golden__/series.json');
  });

  it.each(FORMATS)('series %s', async (format) => {
    await expect(compiledTemplate('series').render(format, model, EXTRAS)).toMatchFileSnapshot(`__golden__/series.series.${format}`);
  });
});
