import { readFileSync } from 'node:fs';
import { validateCaseText } from './dist/core/validate/validate-case.js';
import { buildReportModel } from './dist/core/model/build-model.js';
const v = validateCaseText(readFileSync('examples/sci-assessments.yaml', 'utf8')).value;
for (let i = 0; i < 2000; i++) buildReportModel(v.caseFile, v.instruments);
