import type { IsncsciDerived, MotorScoreRow } from '../isncsci/derive.js';
import type { Assessment, CaseFile, Observation } from '../schema/case-schema.js';
import type { Domain, Source } from '../schema/enums.js';
import type { When } from './clock.js';

/** A point in time, resolved, with the words a report uses for it. */
export interface TimePoint extends When {
  /** "2023-03-01 (day 14)", "day 14", "2023-03". */
  text: string;
  /** Days since onset of the condition, where both are known. */
  sinceOnsetDays?: number;
  /** "8 months after onset". */
  sinceOnsetText?: string;
}

/** An observed change as reports show it. */
export interface ObservationView extends Observation {
  round: string;
  roundLabel: string;
  domainLabel: string;
  sourceLabel: string;
  /** "not measured" for self-reported and caregiver-reported changes. */
  measuredNote?: string;
  when?: TimePoint;
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
  durationDays?: number;
  interventions: InterventionView[];
  observations: ObservationView[];
  observationsByDomain: DomainGroup[];
  notes?: string;
}

export interface InterventionView {
  type: string;
  typeLabel: string;
  name: string;
  productText?: string;
  dose?: string;
  route?: string;
  sessions?: number;
  schedule?: string;
  notes?: string;
}

export interface AssessmentView extends Assessment {
  instrumentName: string;
  /** "SCIM III": for tables and timelines. */
  instrumentShort: string;
  when?: TimePoint;
  /** ISNCSCI classification computed from `exam`; null where the assessment has none. */
  derived: IsncsciDerived | null;
  /** ISNCSCI motor scores by myotome and side, from `exam`; null without one. */
  motorScores: MotorScoreRow[] | null;
  /** One line of results: "score 52", "UEMS 18, LEMS 0 …". */
  resultText: string;
}

/** An image from the case file; the I/O layer fills in where it can be found. */
export interface FigureView {
  number: number;
  file: string;
  caption: string;
  alt: string;
  when?: TimePoint;
  /** The image inlined as a data: URI (HTML and PDF). */
  dataUri?: string;
  /** A link to the image relative to the Markdown output. */
  href?: string;
}

export interface TimelineEntry {
  kind: 'onset' | 'event' | 'round-start' | 'round-end' | 'assessment' | 'adverse-event' | 'medication' | 'follow-up';
  when?: TimePoint;
  text: string;
}

export interface OutcomePoint {
  assessment: string;
  date?: string;
  day?: number;
  value: number;
}

/** One measured quantity assessed more than once: the `outcomes` contract of the json output. */
export interface Outcome {
  instrument: string;
  measure: string;
  label: string;
  higher_is_better: boolean;
  points: OutcomePoint[];
  baseline: number;
  latest: number;
  change: number;
  mcid?: number;
  mcid_source?: string;
  meaningful: boolean | null;
  /** "improved by 9 points; no minimal clinically important difference is established for this score". */
  text: string;
}

export interface Limitation {
  text: string;
  /** `always`: true of every single case; `data`: shown by this case's data; `author`: written in the case file. */
  basis: 'always' | 'data' | 'author';
}

export interface EvidenceSummary {
  total: number;
  bySource: { source: Source; label: string; count: number }[];
  measured: number;
  notMeasured: number;
  text: string;
}

export interface AdverseEventsView {
  status: 'none-observed' | 'reported' | 'not-reported';
  items: (NonNullable<Exclude<CaseFile['adverse_events'], 'not-reported'>>[number] & { when?: TimePoint })[];
  text: string;
}

/** Everything the templates need, derived from a valid case by a pure function. */
export interface ReportModel {
  format: 1;
  id: string;
  title: string;
  language: string;
  keywords: string[];
  input: CaseFile;
  patientSummary: string;
  /** Words for the patient in running text, from `sex` ("they" where unknown). */
  pronouns: { subject: string; object: string; possessive: string };
  conditionSummary: string;
  onset?: TimePoint;
  rounds: RoundView[];
  observations: ObservationView[];
  observationsByDomain: DomainGroup[];
  observationsBySource: SourceGroup[];
  assessments: AssessmentView[];
  timeline: TimelineEntry[];
  outcomes: Outcome[];
  evidence: EvidenceSummary;
  adverseEvents: AdverseEventsView;
  followUp?: { when?: TimePoint; days?: number; text: string; notes?: string };
  limitations: Limitation[];
  limitationsByBasis: { always: Limitation[]; data: Limitation[]; author: Limitation[] };
  figures: FigureView[];
  abstract: string;
}
