import type { ReportModel } from '../model/types.js';
import type { CaseFile } from '../schema/case-schema.js';
import { evaluateCareChecklist } from './care-checklist.js';
import { assessHonesty } from './honesty.js';
import { findPrivacyIssues } from './privacy.js';
import { CARE_STATUSES, type CareStatus, type CheckReport } from './types.js';

/** Checks one valid case: the CARE checklist, privacy findings and the honesty gaps its data shows. */
export function checkCase(caseFile: CaseFile, model: ReportModel): CheckReport {
  const care = evaluateCareChecklist(caseFile, model);
  const privacy = findPrivacyIssues(caseFile);
  const honesty = assessHonesty(caseFile, model);
  const counts = Object.fromEntries(CARE_STATUSES.map((s) => [s, care.filter((i) => i.status === s).length])) as Record<CareStatus, number>;
  return {
    id: caseFile.id,
    title: model.title,
    care,
    privacy,
    honesty,
    summary: {
      care: counts,
      privacy: {
        errors: privacy.filter((f) => f.severity === 'error').length,
        warnings: privacy.filter((f) => f.severity === 'warning').length,
      },
      gaps: honesty.gaps.length,
    },
  };
}

/** Whether any CARE item is missing. */
export function hasMissing(report: CheckReport): boolean {
  return report.care.some((item) => item.status === 'missing');
}

/** Whether any privacy finding is an error (a warning asks for judgement, an error for a change). */
export function hasPrivacyErrors(report: CheckReport): boolean {
  return report.privacy.some((f) => f.severity === 'error');
}

/** Whether `--strict` fails the case: a CARE item missing, or a privacy error. */
export function failsStrict(report: CheckReport): boolean {
  return hasMissing(report) || hasPrivacyErrors(report);
}
