#!/usr/bin/env node
// Compiles the built-in templates ahead of time into dist/render/precompiled/ (see
// src/render/precompiled.ts): one module per template and format, and an index, so that no process
// or render thread pays Handlebars' compiler at start. Run by `npm run build`, after tsc.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTemplate, precompileBundle } from '../dist/render/compile-template.js';
import { listBuiltInTemplates, loadTemplate } from '../dist/io/load-template.js';
import { PRECOMPILED_DIR, precompiledFiles } from '../dist/render/precompiled.js';

const modules = new Map();
const seen = new Set();
// Templates that extend another come after it, so that a shared partial is loaded from its own module.
const bundles = listBuiltInTemplates()
  .map(({ name }) => loadTemplate(name))
  .sort((a, b) => Number(a.extends !== undefined) - Number(b.extends !== undefined));
for (const bundle of bundles) {
  const name = bundle.name;
  compileTemplate(bundle, new Map()); // a syntax error fails the build, naming the file and line
  for (const [format, main] of Object.entries(bundle.formats)) {
    // A source shared with the template it extends is compiled once, into that template's module.
    const specs = precompileBundle({ ...bundle, formats: { [format]: main } });
    for (const key of [...specs.keys()]) if (seen.has(key)) specs.delete(key);
    for (const key of specs.keys()) seen.add(key);
    modules.set(`${name}.${format}.cjs`, specs);
  }
}
const dir = fileURLToPath(PRECOMPILED_DIR);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const [file, text] of precompiledFiles(modules)) writeFileSync(`${dir}/${file}`, text);
const count = [...modules.values()].reduce((sum, specs) => sum + specs.size, 0);
console.log(`precompiled ${count} template sources into ${modules.size} modules in ${dir}`);
