import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { validateCaseText } from '../../src/core/validate/validate-case.js';
import { buildReportModel } from '../../src/core/model/build-model.js';

it('smoke', () => {
  for (const f of ['minimal', 'steven-sci', 'sci-assessments']) {
    const r = validateCaseText(readFileSync(`examples/${f}.yaml`, 'utf8'));
    if (!r.ok) { console.log(f, r.issues); continue; }
    const m = buildReportModel(r.value.caseFile, r.value.instruments);
    console.log(f, m.title, '\n', m.abstract, '\n', JSON.stringify(m.outcomes.map(o => o.label + ': ' + o.text), null, 1), m.limitations.map(l=>l.text));
  }
});
