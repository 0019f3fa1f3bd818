import { translator, type Translator } from '../../text/translator.js';
import { buildCharts } from '../charts/build-charts.js';
import type { Instrument } from '../instruments/registry.js';
import type { CaseFile } from '../schema/case-schema.js';
import { formatCitationNumbers } from '../prose.js';
import { buildAbstract } from './abstract.js';
import { buildAssessments } from './assessments.js';
import { buildComorbidities, buildFindings, buildMedications } from './clinical.js';
import { createClock } from './clock.js';
import { buildIsncsciSummaries } from './isncsci-summary.js';
import { buildAuthorProse } from './references.js';
import { findLimitations } from './limitations.js';
import { collectObservations, describeEvidence, groupByDomain, groupBySource, summarizeEvidence } from './observations.js';
import { buildOutcomes } from './outcomes.js';
import { buildResults } from './results.js';
import { buildRounds } from './rounds.js';
import { buildAdverseEvents, buildFollowUp, buildTitle, describeCondition, describePatient, pronounsFor } from './summaries.js';
import { makeTimePoint } from './time-points.js';
import { briefTimeline, buildTimeline } from './timeline.js';
import type { Outcome, ReportModel, ResultsTable } from './types.js';

/**
 * Derives everything the templates need from a valid case. Pure: same case in, same model out. Its
 * sentences come from the catalog of `tr` (English where not given), naming a round by the case's
 * `report.round_term`.
 */
export function buildReportModel(c: CaseFile, instruments: Map<string, Instrument>, catalog: Translator = translator()): ReportModel {
  const tr = catalog.withRoundTerm(c.report?.round_term);
  const clock = createClock(c);
  const observations = collectObservations(c, clock, tr);
  const rounds = buildRounds(c, clock, observations, tr);
  const assessments = buildAssessments(c, clock, instruments, tr);
  for (const o of observations) if (o.evidence?.length) o.evidence_text = describeEvidence(o.evidence, assessments, tr);
  const evidence = summarizeEvidence(observations, tr);
  const followUp = buildFollowUp(c, clock, tr);
  const keywords = [...(c.keywords ?? [])];
  const caseReport = tr.t('model.keyword.case_report');
  if (!keywords.some((k) => k.toLowerCase() === caseReport.toLowerCase())) keywords.push(caseReport);
  const parts = {
    patient_summary: describePatient(c, tr),
    condition_summary: describeCondition(c, tr),
    rounds,
    evidence,
    outcomes: buildOutcomes(assessments, instruments, tr),
    adverse_events: buildAdverseEvents(c, clock, followUp?.days, tr),
    assessments,
  };
  const findings = buildFindings(c, clock, tr);
  const medications = buildMedications(c, clock, tr);
  const timeline = buildTimeline(c, clock, rounds, assessments, findings, medications, tr);
  const results = buildResults(assessments, parts.outcomes, instruments, tr);
  const prose = citeThresholds(c, results, parts.outcomes, instruments, tr);
  const isncsci = buildIsncsciSummaries(assessments, tr);
  const charts = buildCharts(c.id, parts.outcomes, assessments, rounds, instruments, tr);
  const limitations = findLimitations(c, clock, assessments, evidence, tr);
  const model: ReportModel = {
    format: 1,
    id: c.id,
    title: buildTitle(c, tr),
    ...prose,
    pronouns: pronounsFor(c.patient.sex, tr),
    language: c.language,
    keywords,
    input: c,
    ...parts,
    comorbidities: buildComorbidities(c, clock, tr),
    findings,
    medications,
    results,
    observations,
    observations_by_domain: groupByDomain(observations, tr),
    observations_not_measured_by_domain: groupByDomain(
      observations.filter((o) => o.source !== 'measured'),
      tr,
    ),
    observations_by_source: groupBySource(observations, tr),
    timeline,
    timeline_brief: briefTimeline(timeline, results.columns, assessments, tr),
    limitations,
    limitations_by_basis: {
      always: limitations.filter((l) => l.basis === 'always'),
      data: limitations.filter((l) => l.basis === 'data'),
      author: limitations.filter((l) => l.basis === 'author'),
    },
    limitations_of_this_case: limitations.filter((l) => l.basis !== 'always'),
    // Charts and the case's figures are numbered as one series of figures: charts first, as they come first.
    figures: (c.figures ?? []).map((f, i) => {
      const when = makeTimePoint(clock, f, tr);
      return { number: charts.length + i + 1, file: f.file, caption: f.caption, alt: f.alt ?? f.caption, ...(when ? { when } : {}) };
    }),
    ...isncsci,
    charts,
    abstract: buildAbstract(c, { ...parts, isncsci_exams: isncsci.isncsci_exams }, instruments, tr),
  };
  const onset = makeTimePoint(clock, { date: c.condition.onset, day: c.condition.onset_day }, tr);
  if (onset) model.onset = onset;
  if (followUp) model.follow_up = followUp;
  return model;
}

/**
 * The author's prose and the numbered reference list, in which the papers of the published
 * thresholds the results table applies are cited where the table stands (after the case
 * presentation, before the discussion); each row and outcome gets their numbers.
 */
function citeThresholds(
  c: CaseFile,
  results: ResultsTable,
  outcomes: Outcome[],
  instruments: Map<string, Instrument>,
  tr: Translator,
): Pick<ReportModel, 'author' | 'references'> {
  const papers = (instrument: string): string[] => {
    const mcid = instruments.get(instrument)?.mcid;
    if (!mcid) return [];
    // A built-in threshold whose source names no year is a convention, not a paper.
    return mcid.references ?? (/\b(19|20)\d\d\b/.test(mcid.source) ? [mcid.source] : []);
  };
  const cited = results.rows.filter((row) => row.mcid !== undefined);
  const { author, references, sourceNumbers } = buildAuthorProse(c, tr, [...new Set(cited.flatMap((row) => papers(row.instrument)))]);
  const numbersOf = (instrument: string): number[] => papers(instrument).map((text) => sourceNumbers.get(text) ?? 0);
  for (const item of [...cited, ...outcomes.filter((o) => o.mcid !== undefined)]) {
    item.references = numbersOf(item.instrument);
    item.citation = formatCitationNumbers(item.references);
  }
  return { author, references };
}
