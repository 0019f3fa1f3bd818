import type { ReportModel } from '../model/types.js';
import type { CaseFile } from '../schema/case-schema.js';
import { judgeClinicalFindings, judgeDiagnosticAssessment, judgePatientInformation, judgeTimeline } from './care-case-items.js';
import { judgeAbstract, judgeIntroduction, judgeKeywords, judgeTitle } from './care-front-items.js';
import type { CareInput, CareJudgement } from './care-item.js';
import {
  judgeDiscussion,
  judgeFollowUpAndOutcomes,
  judgeInformedConsent,
  judgePatientPerspective,
  judgeTherapeuticIntervention,
} from './care-outcome-items.js';
import type { CareItem } from './types.js';

/** The 13 items of the CARE 2013 checklist (Gagnier et al., 2013), in their published order. */
export const CARE_ITEMS: readonly { item: number; name: string; judge: (input: CareInput) => CareJudgement }[] = [
  { item: 1, name: 'Title', judge: judgeTitle },
  { item: 2, name: 'Key words', judge: judgeKeywords },
  { item: 3, name: 'Abstract', judge: judgeAbstract },
  { item: 4, name: 'Introduction', judge: judgeIntroduction },
  { item: 5, name: 'Patient information', judge: judgePatientInformation },
  { item: 6, name: 'Clinical findings', judge: judgeClinicalFindings },
  { item: 7, name: 'Timeline', judge: judgeTimeline },
  { item: 8, name: 'Diagnostic assessment', judge: judgeDiagnosticAssessment },
  { item: 9, name: 'Therapeutic intervention', judge: judgeTherapeuticIntervention },
  { item: 10, name: 'Follow-up and outcomes', judge: judgeFollowUpAndOutcomes },
  { item: 11, name: 'Discussion', judge: judgeDiscussion },
  { item: 12, name: 'Patient perspective', judge: judgePatientPerspective },
  { item: 13, name: 'Informed consent', judge: judgeInformedConsent },
];

/** Judges each CARE item from the case file and its report model: reported, partial, missing or not applicable. */
export function evaluateCareChecklist(c: CaseFile, m: ReportModel): CareItem[] {
  return CARE_ITEMS.map(({ item, name, judge }) => {
    const { status, fields, note } = judge({ c, m });
    return { item, name, status, fields, note };
  });
}
