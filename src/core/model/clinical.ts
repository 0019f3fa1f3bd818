import type { Translator } from '../../text/translator.js';
import type { CaseFile, Finding, Medication } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { withFields } from './copy.js';
import { makeTimePoint, sortByTime } from './time-points.js';
import type { ComorbidityView, FindingView, MedicationView } from './types.js';

/** The conditions beside the main one, each with when it began where known. */
export function buildComorbidities(c: CaseFile, clock: Clock, tr: Translator): ComorbidityView[] {
  return (c.comorbidities ?? []).map((m) => {
    const when = makeTimePoint(clock, { date: m.onset, day: m.onset_day }, tr);
    return { name: m.name, ...(when ? { when } : {}), ...(m.notes !== undefined ? { notes: m.notes } : {}) };
  });
}

/** The dated findings in time order, each with its result in one line ("6.4 % (reference 4.0-5.6)"). */
export function buildFindings(c: CaseFile, clock: Clock, tr: Translator): FindingView[] {
  const views = (c.findings ?? []).map((f): FindingView => {
    const when = makeTimePoint(clock, f, tr);
    return withFields(f, { result_text: findingResult(f, tr), ...(when ? { when } : {}) });
  });
  return sortByTime(views, clock, (v) => v.when);
}

function findingResult(f: Finding, tr: Translator): string {
  const parts: string[] = [];
  if (f.value !== undefined)
    parts.push(f.unit !== undefined ? tr.t('model.amount.unit', { n: String(f.value), unit: f.unit }) : String(f.value));
  if (f.result !== undefined) parts.push(f.result);
  const result = parts.join('; ');
  return f.reference_range !== undefined ? tr.t('model.finding.with_range', { result, range: f.reference_range }) : result;
}

/** The medicines with the times they were started and stopped and their dose history, each dose placed in time. */
export function buildMedications(c: CaseFile, clock: Clock, tr: Translator): MedicationView[] {
  return (c.medications ?? []).map((m: Medication): MedicationView => {
    const started = makeTimePoint(clock, { date: m.start, day: m.start_day }, tr);
    const stopped = makeTimePoint(clock, { date: m.stop, day: m.stop_day }, tr);
    const doses = sortByTime(
      (m.doses ?? []).map((d) => {
        const when = makeTimePoint(clock, d, tr);
        return withFields(d, when ? { when } : {});
      }),
      clock,
      (d) => d.when,
    );
    return withFields(m, { ...(started ? { started } : {}), ...(stopped ? { stopped } : {}), dose_history: doses });
  });
}
