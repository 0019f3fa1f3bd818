import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/io/load-template.js';
import type { TextFormat } from '../../src/render/template-bundle.js';
import { ROOT } from '../helpers/cases.js';
import { BUILT_IN } from '../render/render-case.js';

// What `npm run build` ships: the end-to-end tests run the build (see test/global-setup.ts).
describe('the built-in templates, compiled at build time,', () => {
  it('are shipped in dist for every built-in template and format (npm run build)', async () => {
    const { precompiledTemplates, precompiledKey: distKey } =
      (await import('../../dist/render/precompiled.js')) as typeof import('../../src/render/precompiled.js');
    const shipped = precompiledTemplates();
    for (const name of BUILT_IN) {
      const template = loadTemplate(name);
      for (const [format, main] of Object.entries(template.formats) as [TextFormat, { source: string }][]) {
        expect(shipped.has(distKey(format, main.source)), `${name} ${format}`).toBe(true);
      }
    }
  });

  it("load, for a render, only the module of that template and format, and not Handlebars' compiler", () => {
    // A fresh process: what it has loaded is in require's cache (Handlebars and the specs are CommonJS).
    const script = `
      import { createRequire } from 'node:module';
      const { compileTemplate } = await import('./dist/render/compile-template.js');
      const { loadTemplate } = await import('./dist/io/load-template.js');
      const { readCaseSource } = await import('./dist/io/read-case.js');
      const { renderCaseText } = await import('./dist/generate.js');
      const template = compileTemplate(loadTemplate('care'));
      const text = readCaseSource({ kind: 'file', path: 'examples/steven-sci.yaml' }).text;
      const result = renderCaseText(text, { template, formats: ['md'], generator: 'test' });
      if (!result.ok || !result.outputs.get('md')?.includes('Timeline')) throw new Error('no report');
      console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }),
    ) as string[];
    const rel = loaded.map((file) => file.slice(ROOT.length + 1));
    expect(rel.filter((file) => file.startsWith('dist/render/precompiled/'))).toEqual(['dist/render/precompiled/care.md.cjs']);
    expect(rel.some((file) => file.includes('handlebars/runtime.js'))).toBe(true);
    expect(rel.filter((file) => file.includes('handlebars/compiler/'))).toEqual([]);
  });
});
