import { translator, type Translator } from '../../text/translator.js';
import type { ReportModel } from '../model/types.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { HonestyGap, HonestyReport, UnmeasuredChange } from './types.js';

/** The evidence behind the case's observed changes, and the limitations its data shows. */
export function assessHonesty(c: CaseFile, m: ReportModel, tr: Translator = translator()): HonestyReport {
  const unmeasured: UnmeasuredChange[] = c.rounds.flatMap((round, r) =>
    (round.observations ?? []).flatMap((o, i): UnmeasuredChange[] =>
      o.source === 'measured'
        ? []
        : [
            {
              path: `rounds[${r}].observations[${i}]`,
              source: o.source,
              source_label: tr.t('model.source', { source: o.source }),
              finding: o.finding,
              note: tr.t('model.observation.not_measured'),
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
    gaps: findGaps(m, tr),
  };
}

/**
 * The limitations the case's data shows, headed by the one every single case has: the model's own,
 * in its words (the catalog's), so `check` and the report say the same thing.
 */
function findGaps(m: ReportModel, tr: Translator): HonestyGap[] {
  const always = m.limitations.filter((l) => l.id === 'single-case');
  const gaps: HonestyGap[] = [...always, ...m.limitations.filter((l) => l.basis === 'data')].map((l) => ({
    id: l.id,
    text: l.text,
    from: 'model',
  }));
  // A follow-up without a date or a day has no length either.
  if (m.follow_up && m.follow_up.days === undefined && !gaps.some((g) => g.id === 'follow-up-length')) {
    gaps.push({ id: 'follow-up-length', text: tr.t('model.limitation.follow_up_length'), from: 'check' });
  }
  return gaps;
}
