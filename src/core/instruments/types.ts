/** What is known about how large a change in an instrument must be to matter. */
export interface Mcid {
  /** Points of change that matter (in the direction of improvement unless `worsening` is given). */
  value: number;
  /** Points of worsening that matter, where published separately. */
  worsening?: number;
  /** A larger change the same source calls substantial. */
  substantial?: number;
  /** `mcid`: minimal clinically important difference; `mdc`: minimal detectable change (smallest real difference). */
  kind: 'mcid' | 'mdc';
  /** A threshold that depends on the baseline (EDSS). */
  rule?: 'edss';
  source: string;
  note?: string;
  /**
   * Full references in Vancouver style, for the report's numbered reference list: that of `source`
   * first, then those of any paper `note` names. None where `source` is not a paper (a convention).
   */
  references?: string[];
}

/** A quantity an instrument yields besides its total (the ISNCSCI totals), with its own range. */
export interface InstrumentMeasure {
  label: string;
  /** The measure's scale; absent for an ordinal measure, which gives `levels`. */
  range?: [number, number];
  /** The values of an ordinal measure in order, worst first (AIS grades A to E). */
  levels?: string[];
  /** What one step counts, singular and plural: ["grade", "grades"]. */
  count_noun?: [string, string];
}

/** One instrument: its range, direction and published thresholds. */
export interface Instrument {
  id: string;
  name: string;
  /** The name tables and timelines use: "SCIM III". */
  short: string;
  /** The whole scale; absent for a measure without a fixed scale (a time, a distance, a speed), which gives `unit`. */
  range?: [number, number];
  /** The lowest possible value where there is no `range` (0 for a time or a distance). */
  min?: number;
  /**
   * The values of an ordinal scale in order, lowest first ("0", "1", "1+", "2", "3", "4" for the Modified
   * Ashworth Scale): a score is one of them, and a change is counted in levels.
   */
  levels?: string[];
  step: number;
  higher_is_better: boolean;
  subscores?: Record<string, [number, number]>;
  /** Readable names of the subscores: "self-care" for `self_care`. */
  subscore_labels?: Record<string, string>;
  /** Why no threshold is applied to the subscores, where the total has one. */
  subscore_no_mcid_reason?: string;
  /** Quantities an assessment yields instead of one score (ISNCSCI), keyed as in the json output. */
  measures?: Record<string, InstrumentMeasure>;
  mcid?: Mcid;
  /** Why no threshold is given, where none is. */
  no_mcid_reason?: string;
  /** A unit of measure written after the number as is ("kg"), for instruments defined in a case file. */
  unit?: string;
  /** What one step counts, singular and plural, where not points: ["level", "levels"]. */
  count_noun?: [string, string];
  built_in: boolean;
}
