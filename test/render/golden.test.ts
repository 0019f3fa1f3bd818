import { describe, expect, it } from 'vitest';
import { ALL_CASES, BUILT_IN, FORMATS, exampleModel, render } from './render-case.js';

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
