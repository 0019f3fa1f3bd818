import { caseIssue as issue, shortText, type CaseIssue, type CasePath } from '../errors.js';
import { didYouMean } from '../hints.js';
import { isRealDate, parsePartialDate } from '../dates.js';
import type { CaseFile } from '../schema/case-schema.js';
import { checkAssessments } from './assessment-checks.js';
import { withHintLater } from './pending-hints.js';
import type { CaseInstruments } from './instrument-checks.js';
import { createClock, type When } from '../model/clock.js';
import { proseFields } from '../author-text.js';
import { citationsOf, parseProse } from '../prose.js';

/** One check that spans fields; on data that failed the schema it may throw, and is then skipped. */
export type CrossCheck = (c: CaseFile) => CaseIssue[];

/** The checks that span fields: ids, references, time order, dates that do not exist, scores against ranges. */
export function crossChecks(instruments: CaseInstruments): CrossCheck[] {
  return [
    checkIds,
    checkDates,
    checkRoundOrder,
    checkEvidence,
    () => instruments.issues,
    (c) => checkAssessments(c, instruments),
    checkAdverseEventRounds,
    checkAdverseEventFields,
    checkClinicalFields,
    checkReferences,
  ];
}

/** Every cross-field check of a file that passed the schema. */
export function checkCrossFields(caseFile: CaseFile, instruments: CaseInstruments): CaseIssue[] {
  return crossChecks(instruments).flatMap((check) => check(caseFile));
}

function checkIds(c: CaseFile): CaseIssue[] {
  const seen = new Map<string, string>();
  const out: CaseIssue[] = [];
  const visit = (id: string, path: CasePath): void => {
    const first = seen.get(id);
    if (first)
      out.push(
        issue(
          'duplicate-id',
          `duplicate id \`${shortText(id)}\` (first used at ${first})`,
          [...path, 'id'],
          'give each round and assessment its own id',
        ),
      );
    else seen.set(id, pathText(path));
  };
  c.rounds.forEach((r, i) => visit(r.id, ['rounds', i]));
  (c.assessments ?? []).forEach((a, i) => visit(a.id, ['assessments', i]));
  const instrumentIds = new Set<string>();
  (c.instruments ?? []).forEach((d, i) => {
    if (instrumentIds.has(d.id)) out.push(issue('duplicate-id', `instrument \`${d.id}\` is defined twice`, ['instruments', i, 'id']));
    instrumentIds.add(d.id);
  });
  return out;
}

function pathText(path: CasePath): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('')
    .replace(/^(\w+)/, '$1');
}

function* datedPaths(c: CaseFile): Generator<[string | undefined, CasePath]> {
  yield [c.condition.onset, ['condition', 'onset']];
  for (const [i, m] of (c.comorbidities ?? []).entries()) yield [m.onset, ['comorbidities', i, 'onset']];
  for (const [i, f] of (c.findings ?? []).entries()) yield [f.date, ['findings', i, 'date']];
  yield [c.report?.date, ['report', 'date']];
  yield [c.consent?.date, ['consent', 'date']];
  yield [c.follow_up?.date, ['follow_up', 'date']];
  for (const [i, r] of c.rounds.entries()) {
    yield [r.start, ['rounds', i, 'start']];
    yield [r.end, ['rounds', i, 'end']];
    for (const [j, o] of (r.observations ?? []).entries()) yield [o.date, ['rounds', i, 'observations', j, 'date']];
  }
  for (const [i, a] of (c.assessments ?? []).entries()) yield [a.date, ['assessments', i, 'date']];
  for (const [i, e] of (c.events ?? []).entries()) yield [e.date, ['events', i, 'date']];
  for (const [i, m] of (c.medications ?? []).entries()) {
    yield [m.date, ['medications', i, 'date']];
    yield [m.start, ['medications', i, 'start']];
    yield [m.stop, ['medications', i, 'stop']];
    for (const [j, d] of (m.doses ?? []).entries()) yield [d.date, ['medications', i, 'doses', j, 'date']];
  }
  if (Array.isArray(c.adverse_events)) {
    for (const [i, e] of c.adverse_events.entries()) {
      yield [e.date, ['adverse_events', i, 'date']];
      yield [e.start, ['adverse_events', i, 'start']];
      yield [e.end, ['adverse_events', i, 'end']];
    }
  }
}

function checkDates(c: CaseFile): CaseIssue[] {
  const out: CaseIssue[] = [];
  for (const [date, path] of datedPaths(c)) {
    if (date !== undefined && !isRealDate(date)) out.push(issue('bad-date', `${date} is not a calendar date`, path));
  }
  return out;
}

function checkRoundOrder(c: CaseFile): CaseIssue[] {
  const out: CaseIssue[] = [];
  const clock = createClock(c);
  let previous: { id: string; when: When } | undefined;
  for (const [i, r] of c.rounds.entries()) {
    const start = clock.resolve({ date: r.start, day: r.day });
    const end = clock.resolve({ date: r.end, day: r.end_day });
    if (start && end && isBefore(end, start)) {
      out.push(
        issue('round-order', `round \`${r.id}\` ends (${describe(end)}) before it starts (${describe(start)})`, [
          'rounds',
          i,
          r.end !== undefined ? 'end' : 'end_day',
        ]),
      );
    }
    if (start && previous && isBefore(start, previous.when)) {
      out.push(
        issue(
          'round-order',
          `round \`${r.id}\` starts (${describe(start)}) before the previous round \`${previous.id}\` (${describe(previous.when)})`,
          ['rounds', i, r.start !== undefined ? 'start' : 'day'],
          'list rounds in time order',
        ),
      );
    }
    if (start) previous = { id: r.id, when: start };
  }
  if (c.rounds[0]?.day !== undefined && c.rounds[0].day !== 0) {
    out.push(issue('first-round-day', 'the first round starts on day 0 by definition', ['rounds', 0, 'day'], 'set `day: 0` or remove it'));
  }
  return out;
}

/** Strictly before, comparing like with like; partial dates count as their whole span. */
function isBefore(a: When, b: When): boolean {
  if (a.date !== undefined && b.date !== undefined) return parsePartialDate(a.date).last < parsePartialDate(b.date).first;
  if (a.day !== undefined && b.day !== undefined) return a.day < b.day;
  return false;
}

function describe(when: When): string {
  return when.date ?? `day ${when.day}`;
}

/**
 * The ids of a list's entries, and whether every entry has one: in a file that failed the schema, an
 * entry without a usable id may be the one a reference names, which is then not "unknown".
 */
function idsOf(entries: readonly { id: unknown }[]): { ids: string[]; known: Set<string>; complete: boolean } {
  const ids = entries.map((e) => e?.id).filter((id): id is string => typeof id === 'string');
  return { ids, known: new Set(ids), complete: ids.length === entries.length };
}

function checkEvidence(c: CaseFile): CaseIssue[] {
  const { ids, known, complete } = idsOf(c.assessments ?? []);
  const out: CaseIssue[] = [];
  for (const [i, r] of c.rounds.entries()) {
    for (const [j, o] of (r.observations ?? []).entries()) {
      const path: CasePath = ['rounds', i, 'observations', j];
      if (o.source === 'measured' && (o.evidence ?? []).length === 0) {
        out.push(
          issue(
            'measured-without-evidence',
            'a measured change needs `evidence`: the ids of the assessments that measured it',
            [...path, 'source'],
            ids.length > 0
              ? `add \`evidence: [${ids[0]}]\`, or set the source to patient, caregiver or clinician`
              : 'add the assessments under `assessments:` and list their ids in `evidence`',
          ),
        );
      }
      for (const [k, ref] of (o.evidence ?? []).entries()) {
        if (complete && !known.has(ref)) {
          out.push(
            withHintLater(
              issue('unknown-evidence', `evidence names \`${shortText(ref)}\`, which is not an assessment id`, [...path, 'evidence', k]),
              () => didYouMean(ref, ids),
            ),
          );
        }
      }
    }
  }
  return out;
}

function checkAdverseEventRounds(c: CaseFile): CaseIssue[] {
  if (!Array.isArray(c.adverse_events)) return [];
  const { ids, known, complete } = idsOf(c.rounds);
  return c.adverse_events.flatMap(({ round }, i) =>
    complete && round !== undefined && !known.has(round)
      ? [
          withHintLater(issue('unknown-round', `round \`${shortText(round)}\` does not exist`, ['adverse_events', i, 'round']), () =>
            didYouMean(round, ids),
          ),
        ]
      : [],
  );
}

/** What one adverse event says must agree with itself: one start, one causality scale, criteria only for a serious event. */
function checkAdverseEventFields(c: CaseFile): CaseIssue[] {
  if (!Array.isArray(c.adverse_events)) return [];
  const out: CaseIssue[] = [];
  const clock = createClock(c);
  c.adverse_events.forEach((e, i) => {
    const at = (key: string): CasePath => ['adverse_events', i, key];
    if (e.date !== undefined && e.start !== undefined)
      out.push(issue('two-starts', '`date` and `start` both give when the event began: keep one', at('start')));
    if (e.related !== undefined && e.causality !== undefined)
      out.push(
        issue(
          'two-causalities',
          '`related` and `causality` both judge the relation to treatment: keep one',
          at('related'),
          '`causality` takes the WHO-UMC categories: certain, probable, possible, unlikely, conditional, unassessable',
        ),
      );
    if (e.criteria !== undefined && (e.serious === false || e.serious === undefined))
      out.push(
        issue(
          'criteria-not-serious',
          e.serious === false
            ? 'seriousness `criteria` are given for an event marked `serious: false`'
            : 'seriousness `criteria` are given without `serious: true`',
          at('criteria'),
          'an event that meets an ICH E2A criterion is serious: write `serious: true`',
        ),
      );
    const start = clock.resolve({ date: e.date ?? e.start, day: e.day });
    const end = clock.resolve({ date: e.end, day: e.end_day });
    if (start && end && isBefore(end, start))
      out.push(
        issue(
          'event-order',
          `the event ends (${describe(end)}) before it begins (${describe(start)})`,
          at(e.end !== undefined ? 'end' : 'end_day'),
        ),
      );
  });
  return out;
}

/** One onset, one start and one stop for each medicine, and something to show for each finding. */
function checkClinicalFields(c: CaseFile): CaseIssue[] {
  const out: CaseIssue[] = [];
  if (c.condition.onset !== undefined && c.condition.onset_day !== undefined)
    out.push(issue('two-onsets', '`onset` and `onset_day` both give the onset: keep one', ['condition', 'onset_day']));
  (c.comorbidities ?? []).forEach((m, i) => {
    if (m.onset !== undefined && m.onset_day !== undefined)
      out.push(issue('two-onsets', '`onset` and `onset_day` both give the onset: keep one', ['comorbidities', i, 'onset_day']));
  });
  (c.findings ?? []).forEach((f, i) => {
    if (f.result === undefined && f.value === undefined)
      out.push(issue('no-result', `finding \`${shortText(f.name)}\` has no \`result\` or \`value\``, ['findings', i, 'name']));
  });
  const clock = createClock(c);
  (c.medications ?? []).forEach((m, i) => {
    const start = clock.resolve({ date: m.start, day: m.start_day });
    const stop = clock.resolve({ date: m.stop, day: m.stop_day });
    if (start && stop && isBefore(stop, start))
      out.push(
        issue('medication-order', `${shortText(m.name)} is stopped (${describe(stop)}) before it is started (${describe(start)})`, [
          'medications',
          i,
          m.stop !== undefined ? 'stop' : 'stop_day',
        ]),
      );
  });
  return out;
}

/** Reference ids are unique, each reference has something to print, and every citation names one. */
function checkReferences(c: CaseFile): CaseIssue[] {
  const out: CaseIssue[] = [];
  const known = new Map<string, number>();
  (c.references ?? []).forEach((ref, i) => {
    const first = known.get(ref.id);
    if (first !== undefined)
      out.push(
        issue('duplicate-id', `duplicate reference id \`${shortText(ref.id)}\` (first used at references[${first}])`, [
          'references',
          i,
          'id',
        ]),
      );
    else known.set(ref.id, i);
    if (ref.text === undefined && ref.title === undefined)
      out.push(issue('missing-field', 'a reference needs `text` (the whole reference) or at least a `title`', ['references', i]));
  });
  const cited = new Set<string>();
  for (const field of proseFields(c)) {
    for (const run of citationsOf(parseProse(field.text))) {
      for (const key of run.keys) {
        cited.add(key);
        if (!known.has(key)) {
          const hint = didYouMean(key, [...known.keys()]);
          out.push({
            ...issue(
              'unknown-reference',
              `\`[@${shortText(key)}]\` cites no reference: ${known.size > 0 ? 'no reference has this id' : 'the case has no `references`'}`,
              field.path,
              hint ?? 'add it to `references` with this `id`',
            ),
            needle: `@${key}`,
          });
        }
      }
    }
  }
  (c.references ?? []).forEach((ref, i) => {
    if (!cited.has(ref.id) && known.get(ref.id) === i)
      out.push({
        ...issue(
          'uncited-reference',
          `reference \`${shortText(ref.id)}\` is never cited`,
          ['references', i, 'id'],
          'cite it as [@id] in the abstract, case presentation, discussion or learning points, or remove it',
        ),
        severity: 'warning',
      });
  });
  return out;
}
