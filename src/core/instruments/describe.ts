import { formatAmount } from './lookup.js';
import type { Instrument } from './types.js';

/** What `casereport instruments` shows of one instrument, as plain strings. */
export interface InstrumentSummary {
  id: string;
  short: string;
  name: string;
  /** "0-100 in steps of 1"; "in m/s, from 0, no fixed maximum"; for an ordinal scale, its levels: "0, 1, 1+, 2, 3, 4". */
  range: string;
  /** The levels of an ordinal scale, lowest first. */
  levels?: string[];
  /** The unit of a measure, where it has one: "m/s". */
  unit?: string;
  /** "higher is better". */
  direction: string;
  /** "self_care 0-20, respiration_sphincter 0-40, mobility 0-40"; empty without subscores. */
  parts: string;
  /** The threshold with its source, or why none is given. */
  threshold: string;
  built_in: boolean;
}

/** Words for one instrument's range, direction, parts and threshold. */
export function summarizeInstrument(i: Instrument): InstrumentSummary {
  const parts = i.measures
    ? Object.entries(i.measures).map(([key, m]) =>
        m.range ? `${key} ${m.range[0]}-${m.range[1]}` : `${key} ${(m.levels ?? []).join(' ')}`,
      )
    : Object.entries(i.subscores ?? {}).map(([key, [min, max]]) => `${key} ${min}-${max}`);
  return {
    id: i.id,
    short: i.short,
    name: i.name,
    range: describeScale(i),
    ...(i.levels ? { levels: [...i.levels] } : {}),
    ...(i.unit !== undefined ? { unit: i.unit } : {}),
    direction: i.higher_is_better ? 'higher is better' : 'higher is worse',
    parts: parts.join(', '),
    threshold: describeThreshold(i),
    built_in: i.built_in,
  };
}

/** "0-100 in steps of 1", "0, 1, 1+, 2, 3, 4" (levels), "in m/s, from 0, no fixed maximum". */
function describeScale(i: Instrument): string {
  if (i.levels) return i.levels.join(', ');
  if (i.range) return `${i.range[0]}-${i.range[1]} in steps of ${i.step}${i.unit ? ` ${i.unit}` : ''}`;
  return `in ${i.unit ?? 'units'}${i.min !== undefined ? `, from ${i.min}` : ''}, no fixed maximum`;
}

/** "MCID 4 points (substantial: 10 points); Scivoletto G et al. 2013 …", or the reason none is given. */
export function describeThreshold(i: Instrument): string {
  const m = i.mcid;
  if (!m) return `no MCID: ${i.no_mcid_reason ?? 'none is established'}`;
  const kind = m.kind === 'mdc' ? 'MDC (smallest real difference)' : 'MCID';
  let size = formatAmount(m.value, i);
  if (m.rule === 'edss') size = `${formatAmount(1, i)} from a baseline of 5.5 or less, ${formatAmount(0.5, i)} above`;
  else if (m.worsening !== undefined) size += ` for improvement, ${formatAmount(m.worsening, i)} for worsening`;
  if (m.substantial !== undefined) size += ` (substantial: ${formatAmount(m.substantial, i)})`;
  const origin = i.built_in ? m.source : `${m.source} (defined in the case file)`;
  return `${kind} ${size}; ${origin}${m.note ? `; ${m.note}` : ''}`;
}

/** The instruments as listed: built-ins in registry order, then those a case file defines (which may replace one). */
export function listInstruments(table: Map<string, Instrument>): Instrument[] {
  const all = [...table.values()];
  return [...all.filter((i) => i.built_in), ...all.filter((i) => !i.built_in)];
}
