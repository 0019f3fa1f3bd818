import { describeDuration } from '../dates.js';
import type { ReportModel } from '../model/types.js';
import type { CaseFile } from '../schema/case-schema.js';
import { SOURCE_LABELS } from '../schema/enums.js';
import { capitalize } from '../text.js';
import type { HonestyGap, HonestyReport, UnmeasuredChange } from './types.js';

/** The evidence behind the case's observed changes, and the limitations its data shows. */
export function assessHonesty(c: CaseFile, m: ReportModel): HonestyReport {
  const unmeasured: UnmeasuredChange[] = c.rounds.flatMap((round, r) =>
    (round.observations ?? []).flatMap((o, i): UnmeasuredChange[] =>
      o.source === 'measured'
        ? []
        : [
            {
              path: `rounds[${r}].observations[${i}]`,
              source: o.source,
              source_label: SOURCE_LABELS[o.source],
              finding: o.finding,
              note: 'not measured',
            },
          ],
    ),
  );
  const e = m.evidence;
  return {
    evidence: {
      total: e.total,
      by_source: e.by_source.map((s) => ({ ...s })),
      measured: e.measured,
      not_measured: e.not_measured,
      text: e.text,
      unmeasured,
    },
    gaps: findGaps(c, m),
  };
}

/** The model's data limitations, then any of the required ones it lacks, computed here. */
function findGaps(c: CaseFile, m: ReportModel): HonestyGap[] {
  const gaps: HonestyGap[] = m.limitations.filter((l) => l.basis === 'data').map((l) => ({ id: l.id, text: l.text, from: 'model' }));
  const has = (id: string): boolean => gaps.some((g) => g.id === id);
  const add = (id: string, text: string): void => {
    if (!has(id)) gaps.push({ id, text, from: 'check' });
  };
  // The model counts this among the limitations of every case, not of the data; it heads the list here.
  gaps.unshift({
    id: 'single-case',
    text: 'A single uncontrolled case: it cannot show that the treatment caused the changes, nor how often they would follow it.',
    from: 'check',
  });
  const onsetDay = m.onset?.day;
  if (onsetDay === undefined) {
    add('onset-unknown', 'The time from onset to treatment is not known, so spontaneous recovery cannot be ruled out.');
  } else if (-onsetDay < 365) {
    add(
      'first-year',
      `Treatment began ${describeDuration(-onsetDay)} after onset, within the first year, when spontaneous recovery is common.`,
    );
  }
  const kinds = new Set(c.rounds.flatMap((r) => (r.interventions ?? []).map((i) => i.type)));
  if (kinds.has('rehabilitation') && kinds.size > 1)
    add('concurrent-rehabilitation', 'Rehabilitation was given alongside the treatment, so their effects cannot be separated.');
  const unblinded = (c.assessments ?? []).filter((a) => a.blinded !== true).length;
  if (unblinded > 0)
    add(
      'unblinded',
      `${unblinded} of ${(c.assessments ?? []).length} assessments were not done by an examiner blind to the treatment, or blinding is not stated.`,
    );
  if (m.follow_up?.days === undefined) add('follow-up-length', 'The length of follow-up is not stated.');
  if (c.adverse_events === 'not-reported')
    add('adverse-events', 'Adverse events are not reported, so the safety of the treatment cannot be judged.');
  const unstated = [
    c.report?.funding === undefined && 'funding',
    c.report?.conflicts_of_interest === undefined && 'conflicts of interest',
  ].filter((w): w is string => typeof w === 'string');
  if (unstated.length > 0)
    add(
      'funding-conflicts',
      `${capitalize(unstated.join(' and '))} ${unstated.length === 1 && unstated[0] === 'funding' ? 'is' : 'are'} not stated.`,
    );
  const status = c.regulatory?.status ?? 'unknown';
  if (status === 'unknown') add('regulatory', 'The regulatory status of the treatment is not stated.');
  if (status === 'unregulated') add('regulatory', 'The treatment was given outside a regulated trial or approval.');
  return gaps;
}
