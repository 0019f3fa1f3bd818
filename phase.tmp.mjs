import { readFileSync } from 'node:fs';
import { parseCaseText } from './dist/core/parse.js';
import { caseSchema } from './dist/core/schema/case-schema.js';
import { validateCaseText } from './dist/core/validate/validate-case.js';
import { buildReportModel } from './dist/core/model/build-model.js';
import { compileTemplate } from './dist/render/compile-template.js';
import { loadTemplate } from './dist/io/load-template.js';
const t = compileTemplate(loadTemplate('care'));
for (const f of ['sci-assessments', 'steven-sci', 'minimal']) {
  const text = readFileSync(`examples/${f}.yaml`, 'utf8');
  const N = 200;
  const time = (fn) => { for (let i = 0; i < 20; i++) fn(); const t0 = performance.now(); for (let i = 0; i < N; i++) fn(); return ((performance.now() - t0) / N).toFixed(3); };
  const parsed = parseCaseText(text).parsed;
  const v = validateCaseText(text).value;
  const m = buildReportModel(v.caseFile, v.instruments);
  console.log(f, 'parse', time(() => parseCaseText(text)), 'zod', time(() => caseSchema.safeParse(parsed.data)), 'validate(all)', time(() => validateCaseText(text)),
    'model', time(() => buildReportModel(v.caseFile, v.instruments)), 'md', time(() => t.render('md', m, { generator: 'x' })), 'html', time(() => t.render('html', m, { generator: 'x' })), 'json', time(() => JSON.stringify(m, null, 2)));
}
