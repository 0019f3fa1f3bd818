#!/usr/bin/env node
// Where the time of one case goes, warm, in one thread: parse, validate, model, Markdown render, write.
// Usage: node bench/stages.mjs [iterations=2000]   (run `npm run build` first)
// Each example is measured over `iterations` rounds after a warm-up; figures are ms per case.
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
const ms = (fn) => {
  for (let i = 0; i < Math.min(300, rounds); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
};
console.log('example            parse  validate(all)  model  md-render  total');
for (const name of ['minimal', 'steven-sci', 'sci-assessments']) {
  const text = readFileSync(join(ROOT, 'examples', `${name}.yaml`), 'utf8');
  const valid = validateCaseText(text);
  if (!valid.ok) throw new Error(`${name} is invalid`);
  const { caseFile, instruments } = valid.value;
  const model = buildReportModel(caseFile, instruments);
  const parse = ms(() => parseCaseText(text));
  const validate = ms(() => validateCaseText(text));
  const build = ms(() => buildReportModel(caseFile, instruments));
  const render = ms(() => template.render('md', model, { generator: 'bench' }));
  console.log(`${name.padEnd(18)} ${parse.toFixed(3)}  ${validate.toFixed(3)}          ${build.toFixed(3)}  ${render.toFixed(3)}      ${(validate + build + render).toFixed(3)}`);
}
