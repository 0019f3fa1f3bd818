import type { ProseBlock, ProseRun } from '../prose.js';
import type { IsncsciDerived, IsncsciTotal, MotorScoreRow } from '../isncsci/derive.js';
import type { Assessment, CaseFile, Finding, Medication, Observation } from '../schema/case-schema.js';
import type { Domain, Source } from '../schema/enums.js';
import type { When } from './clock.js';

/** A point in time, resolved, with the words a report uses for it. */
export interface TimePoint extends When {
  /** "2023-03-01 (day 14)", "day 14", "2023-03". */
  text: string;
  /** Days since onset of the condition, where both are known. */
  since_onset_days?: number;
  /** "8 months after onset". */
  since_onset_text?: string;
}

/** An observed change as reports show it. */
export interface ObservationView extends Observation {
  round: string;
  round_label: string;
  domain_label: string;
  source_label: string;
  /** "not measured" for self-reported and caregiver-reported changes. */
  measured_note?: string;
  when?: TimePoint;
  /** The assessments of `evidence`, short: "SCIM III and WISCI II: baseline and follow-up". */
  evidence_text?: string;
}

export interface DomainGroup {
  domain: Domain;
  label: string;
  observations: ObservationView[];
}

export interface SourceGroup {
  source: Source;
  label: string;
  count: number;
  observations: ObservationView[];
}

export interface RoundView {
  id: string;
  number: number;
  label: string;
  start?: TimePoint;
  end?: TimePoint;
  /** End minus start: day 0 to day 60 is 60 days. */
  duration_days?: number;
  interventions: InterventionView[];
  observations: ObservationView[];
  observations_by_domain: DomainGroup[];
  notes?: string;
}

export interface InterventionView {
  type: string;
  type_label: string;
  name: string;
  product_text?: string;
  /** The device, stimulator or orthosis: "RehaMove 3 (Hasomed)". */
  device_text?: string;
  /** Its settings as written, and in one line: "frequency 30 Hz; intensity 60 mA". */
  parameters?: { name: string; value: number | string; unit?: string }[];
  parameters_text?: string;
  dose?: string;
  route?: string;
  sessions?: number;
  schedule?: string;
  notes?: string;
}

export interface AssessmentView extends Assessment {
  instrument_name: string;
  /** "SCIM III": for tables and timelines. */
  instrument_short: string;
  when?: TimePoint;
  /** ISNCSCI classification computed from `exam`; null where the assessment has none. */
  derived: IsncsciDerived | null;
  /** ISNCSCI motor scores by myotome and side, from `exam`; null without one. */
  motor_scores: MotorScoreRow[] | null;
  /** One line of results: "score 52", "UEMS 18, LEMS 0 …". */
  result_text: string;
}

/** An image from the case file; the I/O layer fills in where it can be found. */
export interface FigureView {
  number: number;
  file: string;
  caption: string;
  alt: string;
  when?: TimePoint;
  /** The image inlined as a data: URI (HTML and PDF). */
  data_uri?: string;
  /** A link to the image relative to the Markdown output. */
  href?: string;
}

export interface TimelineEntry {
  kind:
    | 'onset'
    | 'event'
    | 'round-start'
    | 'round-end'
    | 'assessment'
    | 'assessments'
    | 'finding'
    | 'adverse-event'
    | 'medication'
    | 'follow-up';
  when?: TimePoint;
  text: string;
  /** The assessment an `assessment` entry is about. */
  assessment?: string;
}

export interface OutcomePoint {
  assessment: string;
  date?: string;
  day?: number;
  /** A number, or a level of an ordinal measure (an AIS grade: "C"). */
  value: number | string;
  /** Days since onset of the condition, where both are known. */
  since_onset_days?: number;
}

/** One measured quantity assessed more than once: the `outcomes` contract of the json output. */
export interface Outcome {
  instrument: string;
  measure: string;
  label: string;
  /** `number`: a score or quantity; `ordinal`: a level of an ordered scale (AIS grade, NLI, Modified Ashworth), given in `levels`. */
  kind: 'number' | 'ordinal';
  /** The levels of an ordinal measure, lowest first; `change` counts steps between them. */
  levels?: string[];
  /** The unit of a measure without a fixed scale ("m/s"). */
  unit?: string;
  higher_is_better: boolean;
  points: OutcomePoint[];
  baseline: number | string;
  latest: number | string;
  /** Latest minus baseline: points (or units), or levels of an ordinal measure. */
  change: number;
  mcid?: number;
  mcid_source?: string;
  /** What `mcid` is: a minimal clinically important difference, or a minimal detectable change (smallest real difference). */
  mcid_kind?: 'mcid' | 'mdc';
  meaningful: boolean | null;
  /** Numbers in the reference list of the papers that give `mcid`. */
  references: number[];
  /** Those numbers as the text cites them: "[3]", "[3, 4]"; empty where none. */
  citation: string;
  /** "improved by 9 points; no minimal clinically important difference is established for this score". */
  text: string;
}

/** One assessment time point of the results table: the assessments of one day. */
export interface ResultsColumn {
  /** The first assessment's label ("Baseline"), or the time where it has none. */
  label: string;
  when?: TimePoint;
  /** Ids of the assessments in this column. */
  assessments: string[];
}

/** One measure of the results table, with its value at each time point. */
export interface ResultsRow {
  instrument: string;
  /** `score`, a subscore, an ISNCSCI measure (`ais`, `nli`, `uems` …), or empty for an instrument's heading row. */
  measure: string;
  label: string;
  /** 0: an instrument's total or heading; 1: a part of it, shown indented. */
  level: 0 | 1;
  /** `grade`: an AIS grade (change counted in grades); `level`: a neurological level (change counted in segments). */
  kind: 'heading' | 'number' | 'grade' | 'level';
  /** The value at each column; null where the measure was not assessed then. */
  values: (number | string | null)[];
  /** Last value minus first: points, grades for `grade`, segments of the cord for `level` (positive: caudally). */
  change?: number;
  mcid?: number;
  mcid_kind?: 'mcid' | 'mdc';
  meaningful?: boolean | null;
  /** Numbers in the reference list of the papers that give `mcid`. */
  references: number[];
  /** Those numbers as the text cites them: "[3]", "[3, 4]"; empty where none. */
  citation: string;
}

/** Every measured value once: measures in rows, assessment time points in columns. */
export interface ResultsTable {
  columns: ResultsColumn[];
  rows: ResultsRow[];
  /** Who assessed each instrument, and whether blind to the treatment. */
  assessors: { instrument: string; text: string }[];
  /** The assessments' own notes: "SCIM III, follow-up: …". */
  notes: { text: string }[];
}

export interface Limitation {
  /** Stable name of the kind of limitation (`not-measured`, `first-year` …; `author` for the case file's own). */
  id: string;
  text: string;
  /** `always`: true of every single case; `data`: shown by this case's data; `author`: written in the case file. */
  basis: 'always' | 'data' | 'author';
}

export interface EvidenceSummary {
  total: number;
  by_source: { source: Source; label: string; count: number }[];
  measured: number;
  not_measured: number;
  text: string;
}

export interface AdverseEventsView {
  status: 'none-observed' | 'reported' | 'not-reported';
  /** The events, serious ones first; `when` is when each began (`date`, `start` or `day`), `until` when it ended. */
  items: (NonNullable<Exclude<CaseFile['adverse_events'], 'not-reported'>>[number] & {
    when?: TimePoint;
    until?: TimePoint;
    /** The outcome as a code where it is one of ICH E2B's (`recovered_with_sequelae`); other outcomes are text. */
    outcome_code?: string;
  })[];
  /** How many of them are serious (`serious: true`); absent where none are reported. */
  serious?: number;
  text: string;
}

/** A condition beside the main one. */
export interface ComorbidityView {
  name: string;
  when?: TimePoint;
  notes?: string;
}

/** A dated imaging, laboratory or physiological result. */
export type FindingView = Finding & { when?: TimePoint; result_text: string };

/** A medicine with when it was started and stopped, and its doses in time order. */
export type MedicationView = Medication & {
  started?: TimePoint;
  stopped?: TimePoint;
  dose_history: (NonNullable<Medication['doses']>[number] & { when?: TimePoint })[];
};

/** Everything the templates need, derived from a valid case by a pure function. */
export interface ReportModel {
  format: 1;
  id: string;
  title: string;
  /** The author's own abstract, case presentation, discussion and learning points. */
  author: AuthorProse;
  /** The numbered reference list (Vancouver: in order of first citation). */
  references: ReferenceView[];
  language: string;
  keywords: string[];
  input: CaseFile;
  patient_summary: string;
  /** Words for the patient in running text, from `sex` ("they" where unknown). */
  pronouns: { subject: string; object: string; possessive: string };
  condition_summary: string;
  onset?: TimePoint;
  comorbidities: ComorbidityView[];
  findings: FindingView[];
  medications: MedicationView[];
  rounds: RoundView[];
  observations: ObservationView[];
  observations_by_domain: DomainGroup[];
  /** The changes seen or reported but not measured, by domain (the results table holds the measured ones). */
  observations_not_measured_by_domain: DomainGroup[];
  observations_by_source: SourceGroup[];
  assessments: AssessmentView[];
  timeline: TimelineEntry[];
  /** The timeline with the assessments of each results column as one entry ("Assessments, baseline: ISNCSCI, SCIM III"). */
  timeline_brief: TimelineEntry[];
  outcomes: Outcome[];
  /** The results table of the journal-length report. */
  results: ResultsTable;
  evidence: EvidenceSummary;
  adverse_events: AdverseEventsView;
  follow_up?: { when?: TimePoint; days?: number; text: string; notes?: string };
  limitations: Limitation[];
  limitations_by_basis: { always: Limitation[]; data: Limitation[]; author: Limitation[] };
  /** The limitations this case's data shows and its author wrote (those of every single case left to the closing paragraph). */
  limitations_of_this_case: Limitation[];
  figures: FigureView[];
  /** The ISNCSCI summary of each exam (raw exam or totals only), in time order. */
  isncsci_exams: IsncsciExamSummary[];
  /** What changed between consecutive ISNCSCI exams. */
  isncsci_changes: IsncsciChange[];
  /** One SVG line chart per whole measure assessed more than once (see src/core/charts). */
  charts: ChartView[];
  abstract: string;
}

/** The ISNCSCI summary a report shows for one exam; fields the exam does not give are left out. */
export interface IsncsciExamSummary {
  assessment: string;
  label?: string;
  when?: TimePoint;
  /** `exam`: classified from the raw examination; `totals`: as written in the case file. */
  source: 'exam' | 'totals';
  ais?: string;
  nli?: string;
  complete?: string;
  sensory_level?: { right: string; left: string };
  motor_level?: { right: string; left: string };
  uems?: IsncsciTotal;
  lems?: IsncsciTotal;
  motor_total?: IsncsciTotal;
  lt_total?: IsncsciTotal;
  pp_total?: IsncsciTotal;
  zpp?: IsncsciDerived['zpp'];
  /** "AIS C, NLI C5; UEMS 18/50, LEMS 9/50, motor total 27/100; light touch 63/112, pin prick 25/112". */
  text: string;
}

/** A grade or level at two exams: `changed` is false where both name the same value. */
export interface IsncsciGradeChange {
  from: string;
  to: string;
  changed: boolean;
}

/** One ISNCSCI total at two exams. */
export interface IsncsciTotalChange {
  measure: 'uems' | 'lems' | 'motor_total' | 'lt_total' | 'pp_total';
  label: string;
  from: number;
  to: number;
  change: number;
}

/** What changed from one ISNCSCI exam to the next. */
export interface IsncsciChange {
  from: string;
  to: string;
  from_label: string;
  to_label: string;
  /** Days between the exams, where both are placed in time. */
  days?: number;
  ais?: IsncsciGradeChange;
  nli?: IsncsciGradeChange;
  totals: IsncsciTotalChange[];
  /** "AIS C to C (unchanged); NLI C5* to C5* (unchanged); UEMS 18 to 24 (+6); …". */
  text: string;
}

/** An SVG line chart of one outcome, ready to embed (HTML, PDF) or to write beside the Markdown. */
export interface ChartView {
  /** Its figure number: charts come first, then the case's own figures. */
  number: number;
  /** `instrument/measure` of the outcome it draws. */
  key: string;
  title: string;
  /** File name for Markdown output: `${id}-chart-${n}.svg`. */
  file: string;
  svg: string;
  /** `data:image/svg+xml;base64,…` */
  data_uri: string;
  /** A text alternative that gives the values. */
  alt: string;
}

/** The author's own abstract, in prose or in parts (empty where not given). */
export interface AuthorAbstract {
  blocks: ProseBlock[];
  background: ProseBlock[];
  case: ProseBlock[];
  conclusions: ProseBlock[];
}

/** The author's prose, read into blocks: each replaces or adds to the generated draft where given. */
export interface AuthorProse {
  abstract: AuthorAbstract | null;
  case_presentation: ProseBlock[];
  discussion: ProseBlock[];
  learning_points: ProseRun[][];
}

/** One entry of the numbered reference list. */
export interface ReferenceView {
  number: number;
  /** The id citations use; empty for a plain-text entry of `discussion.references`. */
  id: string;
  text: string;
  cited: boolean;
}
