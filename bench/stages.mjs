#!/usr/bin/env node
// Where the time of one case goes, warm, in one thread: parse, validate, model, Markdown render.
// Usage: node bench/stages.mjs [iterations=2000]   (run `npm run build` first)
// Each example goes through the whole pipeline `iterations` times after a warm-up, each time from
// its text, so every stage works on new objects as in a real batch (the model remembers some
// results per object, the ISNCSCI classification for one: reusing one parsed case would hide
// them). Figures are ms per case; validate includes parse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseText } from '../dist/core/parse.js';
import { validateCaseText } from '../dist/core/validate/validate-case.js';
import { buildReportModel } from '../dist/core/model/build-model.js';
import { compileTemplate } from '../dist/render/compile-template.js';
import { loadTemplate } from '../dist/io/load-template.js';

const ROOT = new URL('..', import.meta.url).pathname;
const rounds = Number(process.argv[2] ?? 2000);
const template = compileTemplate(loadTemplate('care'));
const now = () => process.hrtime.bigint();

/** Milliseconds per case of each stage over `count` runs of the pipeline. */
function pipeline(text, count) {
  const total = { parse: 0n, validate: 0n, model: 0n, render: 0n };
  for (let i = 0; i < count; i++) {
    const t0 = now();
    parseCaseText(text);
    const t1 = now();
    const valid = validateCaseText(text);
    const t2 = now();
    if (!valid.ok) throw new Error('invalid example');
    const model = buildReportModel(valid.value.caseFile, valid.value.instruments);
    const t3 = now();
    template.render('md', model, { generator: 'bench' });
    const t4 = now();
    total.parse += t1 - t0;
    total.validate += t2 - t1;
    total.model += t3 - t2;
    total.render += t4 - t3;
  }
  return Object.fromEntries(Object.entries(total).map(([stage, ns]) => [stage, Number(ns) / 1e6 / count]));
}

console.log('example            parse  validate(all)  model  md-render  total');
for (const name of ['minimal', 'steven-sci', 'sci-assessments']) {
  const text = readFileSync(join(ROOT, 'examples', `${name}.yaml`), 'utf8');
  pipeline(text, Math.min(300, rounds));
  const { parse, validate, model, render } = pipeline(text, rounds);
  console.log(
    `${name.padEnd(18)} ${parse.toFixed(3)}  ${validate.toFixed(3)}          ${model.toFixed(3)}  ${render.toFixed(3)}      ${(validate + model + render).toFixed(3)}`,
  );
}
