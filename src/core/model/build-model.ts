import { translator, type Translator } from '../../text/translator.js';
import { buildCharts } from '../charts/build-charts.js';
import type { Instrument } from '../instruments/registry.js';
import type { CaseFile } from '../schema/case-schema.js';
import { buildAbstract } from './abstract.js';
import { buildAssessments } from './assessments.js';
import { createClock } from './clock.js';
import { buildIsncsciSummaries } from './isncsci-summary.js';
import { buildAuthorProse } from './references.js';
import { findLimitations } from './limitations.js';
import { collectObservations, groupByDomain, groupBySource, summarizeEvidence } from './observations.js';
import { buildOutcomes } from './outcomes.js';
import { buildRounds } from './rounds.js';
import { buildAdverseEvents, buildFollowUp, buildTitle, describeCondition, describePatient, pronounsFor } from './summaries.js';
import { makeTimePoint } from './time-points.js';
import { buildTimeline } from './timeline.js';
import type { ReportModel } from './types.js';

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
  const isncsci = buildIsncsciSummaries(assessments, tr);
  const charts = buildCharts(c.id, parts.outcomes, assessments, rounds, instruments, tr);
  const limitations = findLimitations(c, clock, assessments, evidence, tr);
  const model: ReportModel = {
    format: 1,
    id: c.id,
    title: buildTitle(c, tr),
    ...buildAuthorProse(c, tr),
    pronouns: pronounsFor(c.patient.sex, tr),
    language: c.language,
    keywords,
    input: c,
    ...parts,
    observations,
    observations_by_domain: groupByDomain(observations, tr),
    observations_by_source: groupBySource(observations, tr),
    timeline: buildTimeline(c, clock, rounds, assessments, tr),
    limitations,
    limitations_by_basis: {
      always: limitations.filter((l) => l.basis === 'always'),
      data: limitations.filter((l) => l.basis === 'data'),
      author: limitations.filter((l) => l.basis === 'author'),
    },
    // Charts and the case's figures are numbered as one series of figures: charts first, as they come first.
    figures: (c.figures ?? []).map((f, i) => {
      const when = makeTimePoint(clock, f, tr);
      return { number: charts.length + i + 1, file: f.file, caption: f.caption, alt: f.alt ?? f.caption, ...(when ? { when } : {}) };
    }),
    ...isncsci,
    charts,
    abstract: buildAbstract(c, { ...parts, isncsci_exams: isncsci.isncsci_exams }, instruments, tr),
  };
  const onset = c.condition.onset !== undefined ? makeTimePoint(clock, { date: c.condition.onset }, tr) : undefined;
  if (onset) model.onset = onset;
  if (followUp) model.follow_up = followUp;
  return model;
}
