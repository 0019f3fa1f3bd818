import type { Source } from '../schema/enums.js';

/** How far the case file satisfies one CARE item. */
export type CareStatus = 'reported' | 'partial' | 'missing' | 'not-applicable';

/** The statuses in the order reports count them. */
export const CARE_STATUSES: readonly CareStatus[] = ['reported', 'partial', 'missing', 'not-applicable'];

/** One item of the CARE 2013 checklist, judged from the case file and its report model. */
export interface CareItem {
  /** 1-13, as numbered in the CARE checklist. */
  item: number;
  name: string;
  status: CareStatus;
  /** The case-file paths that satisfy the item (`patient.age`, `rounds[0].interventions`). */
  fields: string[];
  /** What is missing, for `partial` and `missing`; null where nothing is. */
  note: string | null;
}

/** The Safe Harbor identifiers the privacy check looks for. */
export type PrivacyRule = 'name' | 'date' | 'age' | 'phone' | 'email' | 'url' | 'record-number' | 'place' | 'facility';

/** Something in the case file that could identify the patient. */
export interface PrivacyFinding {
  rule: PrivacyRule;
  severity: 'error' | 'warning';
  /** Where it is, as in `rounds[0].observations[2].finding`. */
  path: string;
  /** The matched text, shortened. */
  text: string;
  message: string;
  hint: string;
}

/** One observed change that no instrument measured. */
export interface UnmeasuredChange {
  path: string;
  source: Source;
  source_label: string;
  finding: string;
  /** "not measured", in the report's language. */
  note: string;
}

/** What the data shows about how much the case can support. */
export interface HonestyReport {
  evidence: {
    total: number;
    by_source: { source: Source; label: string; count: number }[];
    measured: number;
    not_measured: number;
    text: string;
    unmeasured: UnmeasuredChange[];
  };
  /** Limitations the data shows: from the report model where it has them, added here where it lacks them. */
  gaps: HonestyGap[];
}

/** A limitation the data shows, with a stable id for scripts. */
export interface HonestyGap {
  id: string;
  text: string;
  /** `model`: one of the report model's data limitations; `check`: added by the check. */
  from: 'model' | 'check';
}

/** Everything `casereport check` finds in one case. */
export interface CheckReport {
  id: string;
  title: string;
  care: CareItem[];
  privacy: PrivacyFinding[];
  honesty: HonestyReport;
  summary: {
    care: Record<CareStatus, number>;
    privacy: { errors: number; warnings: number };
    gaps: number;
  };
}
