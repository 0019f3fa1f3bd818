import { translator, type Translator } from '../../text/translator.js';
import type { InstrumentDefinition } from '../schema/case-schema.js';
import { ownValue } from '../own-key.js';
import { BUILT_IN_INSTRUMENTS, type Instrument, type Mcid } from './registry.js';

/** The instruments a case can use: the built-ins plus the ones it defines (which win on the same id). */
export function buildInstrumentTable(defined: readonly InstrumentDefinition[] = []): Map<string, Instrument> {
  const table = new Map<string, Instrument>(BUILT_IN_INSTRUMENTS.map((i) => [i.id, i]));
  for (const d of defined) table.set(d.id, fromDefinition(d));
  return table;
}

function fromDefinition(d: InstrumentDefinition): Instrument {
  const instrument: Instrument = {
    id: d.id,
    name: d.name,
    short: d.short ?? d.name,
    step: d.step ?? 1,
    higher_is_better: d.higher_is_better,
    built_in: false,
  };
  if (d.range) instrument.range = d.range;
  if (d.min !== undefined) instrument.min = d.min;
  if (d.levels) instrument.levels = d.levels;
  if (d.subscores) instrument.subscores = d.subscores;
  if (d.unit) instrument.unit = d.unit;
  if (d.mcid !== undefined) {
    // Not checked against the literature: the report says the threshold comes from the case file.
    instrument.mcid = {
      value: d.mcid,
      kind: 'mcid',
      source: d.mcid_source ?? 'given in the case file without a source',
      references: d.mcid_source ? [d.mcid_source] : [],
    };
  } else {
    instrument.no_mcid_reason = `no minimal clinically important difference is given for ${d.name}`;
  }
  return instrument;
}

/** The threshold that applies to a change from this baseline, in the direction of the change. */
export function thresholdFor(mcid: Mcid, baseline: number, improving: boolean): number {
  if (mcid.rule === 'edss') return baseline <= 5.5 ? 1 : 0.5;
  if (!improving && mcid.worsening !== undefined) return mcid.worsening;
  return mcid.value;
}

/** Whether a change reaches the published threshold; null where none exists. */
export function isMeaningful(instrument: Instrument | undefined, baseline: number, change: number): boolean | null {
  if (!instrument?.mcid) return null;
  if (change === 0) return false;
  const improving = instrument.higher_is_better ? change > 0 : change < 0;
  // Rounded so that 0.1-step scales do not miss a threshold by a floating-point hair.
  return Math.round(Math.abs(change) * 1000) >= Math.round(thresholdFor(instrument.mcid, baseline, improving) * 1000);
}

/** "4 points", "1 level", "0.5 points", "6 kg", "2 grades": an amount of change on an instrument's scale (or one measure's). */
export function formatAmount(n: number, instrument: Instrument | undefined, tr: Translator = translator(), measure = 'score'): string {
  const noun = measure === 'score' ? instrument?.count_noun : ownValue(instrument?.measures, measure)?.count_noun;
  if (measure === 'score' && instrument?.unit) return tr.t('model.amount.unit', { n: String(n), unit: instrument.unit });
  if (measure === 'score' && instrument?.levels && !noun) return tr.t('model.amount.levels', { n });
  if (!noun) return tr.t('model.amount.points', { n });
  const [one, many] = noun;
  return tr.t('model.amount.unit', { n: String(n), unit: n === 1 ? one : many });
}

/**
 * The range of one measure of an instrument: its total, a subscore, or an ISNCSCI total; the level
 * positions of an ordinal scale; undefined for a measure without a fixed scale.
 */
export function rangeOf(instrument: Instrument, measure: string): [number, number] | undefined {
  const own = ownValue(instrument.measures, measure)?.range ?? ownValue(instrument.subscores, measure);
  if (own) return own;
  const levels = levelsOf(instrument, measure);
  if (levels) return [0, levels.length - 1];
  return measure === 'score' ? instrument.range : undefined;
}

/** The levels of an ordinal measure (an ordinal instrument's score, the AIS grade); undefined for a numeric one. */
export function levelsOf(instrument: Instrument | undefined, measure: string): string[] | undefined {
  if (!instrument) return undefined;
  if (measure === 'score') return instrument.levels;
  return ownValue(instrument.measures, measure)?.levels;
}

/** The position of a score on an ordinal scale (0 for its first level); undefined where it is not one of its levels. */
export function levelIndex(levels: readonly string[], value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const i = levels.indexOf(String(value));
  return i >= 0 ? i : undefined;
}

/** The name a measure goes by in reports: "SCIM III: self-care", "Motor total". */
export function measureLabel(
  instrument: Instrument | undefined,
  instrumentId: string,
  measure: string,
  tr: Translator = translator(),
): string {
  const name = instrument?.name ?? instrumentId;
  if (measure === 'score') return name;
  const own = ownValue(instrument?.measures, measure)?.label;
  if (own) return own;
  return tr.t('model.measure.subscore', {
    instrument: name,
    subscore: ownValue(instrument?.subscore_labels, measure) ?? measure.replace(/_/g, ' '),
  });
}
