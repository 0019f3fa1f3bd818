import { judge, judged, presentFields, type CareInput, type CareJudgement } from './care-item.js';

/** CARE 1: the words "case report" and the area of focus in the title. */
export function judgeTitle({ c }: CareInput): CareJudgement {
  if (c.title !== undefined) {
    const gaps = /case report/i.test(c.title) ? [] : ['the title does not say "case report"'];
    return judged(gaps.length === 0 ? 'reported' : 'partial', ['title'], gaps);
  }
  const main = findMainIntervention(c.rounds);
  const fields = ['condition.name', ...(main ? [main] : [])];
  return judged('partial', fields, ['no title given: built by default from the condition and the main intervention']);
}

/** CARE 2: two to five key words (the schema enforces the count where they are given). */
export function judgeKeywords({ c }: CareInput): CareJudgement {
  if (c.keywords && c.keywords.length >= 2) return judged('reported', ['keywords'], []);
  return judged('missing', [], ['no keywords: give 2-5 terms ("case report" is added)']);
}

/** CARE 3: the abstract is always assembled from the data; without a measured outcome it can give none. */
export function judgeAbstract({ c, m }: CareInput): CareJudgement {
  const fields = ['patient', 'condition', 'rounds'];
  if (m.observations.length > 0) fields.push('rounds[].observations');
  if (m.outcomes.length > 0) fields.push('assessments');
  fields.push('adverse_events');
  const gaps: string[] = [];
  if (m.outcomes.length === 0) {
    gaps.push(
      (c.assessments ?? []).length === 0
        ? 'no standardized assessment: the abstract can give no measured outcome'
        : 'no assessment was repeated: the abstract can give no measured change',
    );
  }
  return judged(gaps.length === 0 ? 'reported' : 'partial', fields, gaps);
}

/** CARE 4: why the case is reported, with the literature behind it. */
export function judgeIntroduction({ c }: CareInput): CareJudgement {
  const fields = presentFields('discussion', c.discussion, ['context', 'references']);
  if ((c.references ?? []).length > 0) fields.push('references');
  const gaps: string[] = [];
  if (!fields.includes('discussion.context')) gaps.push('discussion.context missing: why the case is reported is not stated');
  if (!fields.some((f) => f.endsWith('references'))) gaps.push('references missing: the background cites no literature');
  return judge(fields, gaps);
}

/** The path of the intervention a default title is built from: the first cell therapy, or else the first. */
function findMainIntervention(rounds: CareInput['c']['rounds']): string | undefined {
  let first: string | undefined;
  for (const [r, round] of rounds.entries()) {
    for (const [i, intervention] of (round.interventions ?? []).entries()) {
      const path = `rounds[${r}].interventions[${i}]`;
      if (intervention.type === 'cell-therapy') return path;
      first ??= path;
    }
  }
  return first;
}
