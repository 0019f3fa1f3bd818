import { caseIssue, type CaseIssue, type CasePath } from '../errors.js';
import { checkExamGrid, deriveIsncsci, type IsncsciDerived } from '../isncsci/index.js';
import type { Assessment } from '../schema/case-schema.js';

const NUMERIC = [
  ['uems', 'UEMS'],
  ['lems', 'LEMS'],
  ['lt_total', 'light touch total'],
  ['pp_total', 'pin prick total'],
] as const;

/**
 * Warnings where an ISNCSCI assessment gives both the raw `exam` and `totals` and they disagree.
 * The exam is classified only when its grid checked clean (the grid errors are reported elsewhere).
 */
export function checkIsncsciTotals(a: Assessment, path: CasePath): CaseIssue[] {
  if (!a.exam || !a.totals || checkExamGrid(a.exam).length > 0) return [];
  const derived = deriveIsncsci(a.exam);
  const t = a.totals;
  const out: CaseIssue[] = [];
  for (const [key, name] of NUMERIC) {
    const given = t[key];
    if (given === undefined || given === derived[key]) continue;
    const computed = derived[key] === 'ND' ? 'ND (not determinable)' : String(derived[key]);
    out.push(mismatch(`totals give ${name} ${given}, but the exam gives ${computed}`, [...path, 'totals', key]));
  }
  if (t.ais !== undefined && !agrees(t.ais, derived.ais)) {
    out.push(mismatch(`totals give AIS ${t.ais}, but the exam classifies as AIS ${derived.ais}`, [...path, 'totals', 'ais']));
  }
  if (t.nli !== undefined && !agrees(t.nli, derived.nli)) {
    out.push(mismatch(`totals give NLI ${t.nli}, but the exam gives NLI ${derived.nli}`, [...path, 'totals', 'nli']));
  }
  return out;
}

function mismatch(message: string, path: CasePath): CaseIssue {
  const hint = 'the report uses the values computed from the exam; correct the exam or remove `totals`';
  return { ...caseIssue('isncsci-totals-mismatch', message, path, hint), severity: 'warning' };
}

/**
 * Whether a written grade or level is one the classification allows: the package gives ranges such as
 * "B,C" where the exam cannot decide, and stars values that rest on non-SCI impairment.
 */
function agrees(given: string, derived: IsncsciDerived['ais'] | IsncsciDerived['nli']): boolean {
  const clean = (s: string) => s.replace(/\*/g, '').trim().toUpperCase();
  return derived.split(',').map(clean).includes(clean(given));
}
