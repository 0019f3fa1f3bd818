import type { Proportion, Spread } from './stats.js';

/** One time point of the flow: how many cases with a baseline were assessed there, and how many lost. */
export interface FlowPoint {
  label: string;
  /** The day it stands for (absent for `latest`) and the window either side. */
  day?: number;
  window?: number;
  /** Cases with a baseline and a value at this time point. */
  assessed: number;
  /** Cases with a baseline and no value at this time point (no imputation). */
  lost: number;
  /** Ids of the lost cases. */
  lost_ids: string[];
  text: string;
}

/** One case's values of an outcome at a time point. */
export interface SeriesCaseValue {
  id: string;
  label: string;
  baseline: number;
  value: number;
  change: number;
  /** Days after day 0 of the value used. */
  day: number;
  responder: boolean | null;
}

/** One primary outcome at one time point, over the cases assessed there. */
export interface SeriesOutcome {
  instrument: string;
  measure: string;
  label: string;
  time_point: string;
  /** The time point as reports name it ("12 months", "latest assessment"). */
  time_point_text: string;
  n: number;
  baseline: Spread;
  value: Spread;
  change: Spread;
  /** Null where the responder rule cannot be applied (no MCID is established for the instrument). */
  responders: Proportion | null;
  responder_rule: string;
  cases: SeriesCaseValue[];
  /** "median 4 (IQR 2 to 9)" texts for the tables. */
  cells: { baseline: string; value: string; change: string; responders: string };
}

export interface SeriesPatientRow {
  id: string;
  label: string;
  age?: string;
  sex?: string;
  condition: string;
  baseline_ais?: string;
  since_onset_days?: number;
  since_onset_text: string;
  interventions: string;
  rounds: number;
  follow_up_days?: number;
  /** The first primary outcome's change from baseline to latest; null where not assessed. */
  primary_change: number | null;
  adverse_events: 'none' | 'any' | 'serious' | 'not-reported';
  adverse_events_text: string;
}

export interface SeriesChart {
  number: number;
  key: 'spaghetti' | 'swimmer';
  title: string;
  file: string;
  svg: string;
  data_uri: string;
  alt: string;
}

/** The series report's model: the `--format json` contract (docs/series-format.md). */
export interface SeriesModel {
  format: 1;
  kind: 'series';
  id: string;
  title: string;
  language: string;
  n_cases: number;
  design_text: string;
  setting?: string;
  recruitment_text?: string;
  eligibility: { inclusion: string[]; exclusion: string[] };
  registration?: string;
  ethics?: string;
  flow: { included: number; treated: number; outcome: string; time_points: FlowPoint[] };
  patients: SeriesPatientRow[];
  /** The interventions the cases received, each with how many cases received it. */
  interventions: { name: string; cases: number; text: string }[];
  outcomes: SeriesOutcome[];
  quantile_rule: string;
  ais_shift?: {
    grades: string[];
    rows: { from: string; counts: number[]; total: number }[];
    n: number;
    improved: Proportion;
    text: string;
  };
  adverse_events: {
    reporting: number;
    not_reported: string[];
    with_any: Proportion;
    with_serious: Proportion;
    /** The table of the report: what is counted, k/n, and the percentage with its interval (or the cases not counted). */
    rows: { label: string; count: string; percent: string }[];
    text: string;
  };
  evidence: {
    domain: string;
    label: string;
    self_reported: number;
    caregiver_reported: number;
    clinician_observed: number;
    measured: number;
    total: number;
  }[];
  limitations: string[];
  charts: SeriesChart[];
}
