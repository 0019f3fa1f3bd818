import type { InstrumentDefinition } from '../schema/case-schema.js';
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
    range: d.range,
    step: d.step ?? 1,
    higherIsBetter: d.higher_is_better,
    builtIn: false,
  };
  if (d.subscores) instrument.subscores = d.subscores;
  if (d.unit) instrument.unit = d.unit;
  if (d.mcid !== undefined) {
    instrument.mcid = { value: d.mcid, kind: 'mcid', source: d.mcid_source ?? 'defined in the case file' };
  } else {
    instrument.noMcidReason = `no minimal clinically important difference is given for ${d.name}`;
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
  const improving = instrument.higherIsBetter ? change > 0 : change < 0;
  return Math.abs(change) >= thresholdFor(instrument.mcid, baseline, improving);
}
