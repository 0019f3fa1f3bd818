import type { Translator } from '../../text/translator.js';
import type { Instrument } from '../instruments/registry.js';
import { ownValue } from '../own-key.js';
import { lowerFirst } from '../text.js';
import { isncsciValues } from './assessments.js';
import type { AssessmentView, Outcome, ResultsColumn, ResultsRow, ResultsTable } from './types.js';

/** The ISNCSCI rows of the results table, in the order clinicians read an exam. */
const ISNCSCI_ROWS = ['ais', 'nli', 'uems', 'lems', 'motor_total', 'lt_total', 'pp_total'] as const;
const AIS_GRADES = ['A', 'B', 'C', 'D', 'E'];

/**
 * The results table: one row per measure (subscores under their instrument), one column per
 * assessment time point (the assessments of one day share a column, named by the first one's label), then the
 * change from first to last value and the verdict against the published threshold, from `outcomes`.
 */
export function buildResults(
  assessments: readonly AssessmentView[],
  outcomes: readonly Outcome[],
  instruments: Map<string, Instrument>,
  tr: Translator,
): ResultsTable {
  const columns: ResultsColumn[] = [];
  const columnOf = new Map<string, number>();
  for (const a of assessments) {
    // One column per day (or date): the assessments of one visit, whatever each is labelled.
    const key = a.when ? `${a.when.day ?? a.when.date}` : `\u0000${a.id}`;
    let index = columnOf.get(key);
    if (index === undefined) {
      index = columns.length;
      columnOf.set(key, index);
      const column: ResultsColumn = { label: a.label ?? a.when?.text ?? tr.t('model.results.unplaced'), assessments: [] };
      if (a.when) column.when = a.when;
      columns.push(column);
    }
    columns[index]?.assessments.push(a.id);
  }
  const rows = new Map<string, ResultsRow>();
  const order: string[] = [];
  const rowFor = (instrument: string, measure: string, make: () => ResultsRow): ResultsRow => {
    const key = `${instrument}\u0000${measure}`;
    let row = rows.get(key);
    if (!row) {
      row = make();
      rows.set(key, row);
      order.push(key);
    }
    return row;
  };
  const empty = (): (number | string | null)[] => columns.map(() => null);
  const set = (a: AssessmentView, measure: string, kind: ResultsRow['kind'], value: unknown, label: () => string): void => {
    if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value))) return;
    const row = rowFor(a.instrument, measure, () => ({
      instrument: a.instrument,
      measure,
      label: label(),
      level: measure === 'score' ? 0 : 1,
      kind,
      values: empty(),
      references: [],
      citation: '',
    }));
    const column = columns.findIndex((c) => c.assessments.includes(a.id));
    if (column >= 0 && row.values[column] === null) row.values[column] = value;
  };
  const heading = (a: AssessmentView): void => {
    rowFor(a.instrument, '', () => ({
      instrument: a.instrument,
      measure: '',
      label: a.instrument_short,
      level: 0,
      kind: 'heading',
      values: empty(),
      references: [],
      citation: '',
    }));
  };
  for (const a of assessments) {
    const instrument = instruments.get(a.instrument);
    if (a.instrument === 'isncsci') {
      const values = isncsciValues(a);
      if (!ISNCSCI_ROWS.some((m) => values[m] !== undefined)) continue;
      heading(a);
      for (const measure of ISNCSCI_ROWS) {
        const kind = measure === 'ais' ? 'grade' : measure === 'nli' ? 'level' : 'number';
        set(a, measure, kind, values[measure], () => isncsciLabel(measure, tr));
      }
      continue;
    }
    if (a.score === undefined && a.subscores === undefined) continue;
    if (a.score === undefined) heading(a);
    const unit = instrument?.levels ? undefined : instrument?.unit;
    set(a, 'score', 'number', a.score, () =>
      unit ? tr.t('model.measure.with_unit', { label: a.instrument_short, unit }) : a.instrument_short,
    );
    for (const [sub, value] of Object.entries(a.subscores ?? {}))
      set(a, sub, 'number', value, () => ownValue(instrument?.subscore_labels, sub) ?? sub.replace(/_/g, ' '));
  }
  const sorted = sortRows(order.map((key) => rows.get(key) as ResultsRow));
  for (const row of sorted) judgeRow(row, outcomes);
  return {
    columns,
    rows: sorted,
    assessors: describeAssessors(assessments, columns, tr),
    notes: assessmentNotes(assessments, columns, tr),
  };
}

/** Who assessed each instrument, and whether blind to the treatment: "physiatrist, not blinded (baseline); …". */
function describeAssessors(
  assessments: readonly AssessmentView[],
  columns: readonly ResultsColumn[],
  tr: Translator,
): ResultsTable['assessors'] {
  const instruments = [...new Set(assessments.map((a) => a.instrument))];
  return instruments.map((id) => {
    const own = assessments.filter((a) => a.instrument === id);
    const groups = new Map<string, string[]>();
    for (const a of own) {
      const who = tr.t('model.results.assessor', {
        examiner: a.examiner ?? '',
        known: a.examiner === undefined ? 'no' : 'yes',
        blinded: a.blinded === true ? 'yes' : a.blinded === false ? 'no' : 'unknown',
      });
      groups.set(who, [...(groups.get(who) ?? []), columnLabel(a, columns)]);
    }
    const parts = [...groups].map(([who, at]) => (groups.size > 1 ? tr.t('model.results.assessor_at', { who, at }) : who));
    return { instrument: (own[0] as AssessmentView).instrument_short, text: parts.join('; ') };
  });
}

/** The notes written on assessments, each with the instrument and time point it belongs to. */
function assessmentNotes(assessments: readonly AssessmentView[], columns: readonly ResultsColumn[], tr: Translator): ResultsTable['notes'] {
  return assessments.flatMap((a) =>
    a.notes === undefined
      ? []
      : [{ text: tr.t('model.results.note', { instrument: a.instrument_short, at: columnLabel(a, columns), note: a.notes }) }],
  );
}

function columnLabel(a: AssessmentView, columns: readonly ResultsColumn[]): string {
  const column = columns.find((c) => c.assessments.includes(a.id));
  return column ? lowerFirst(column.label) : (a.when?.text ?? a.id);
}

/** Each instrument's rows together, in order of first assessment: its heading or total, then its parts. */
function sortRows(rows: ResultsRow[]): ResultsRow[] {
  const instruments = [...new Set(rows.map((r) => r.instrument))];
  return instruments.flatMap((id) => {
    const own = rows.filter((r) => r.instrument === id);
    return [...own.filter((r) => r.level === 0), ...own.filter((r) => r.level === 1)];
  });
}

/** Change from the first to the last value, and the verdict of the outcome where the measure has one. */
function judgeRow(row: ResultsRow, outcomes: readonly Outcome[]): void {
  const given = row.values.filter((v): v is number | string => v !== null);
  if (given.length < 2) return;
  if (row.kind === 'grade') {
    const from = AIS_GRADES.indexOf(String(given[0]));
    const to = AIS_GRADES.indexOf(String(given[given.length - 1]));
    if (from >= 0 && to >= 0) row.change = to - from;
    return;
  }
  const outcome = outcomes.find((o) => o.instrument === row.instrument && o.measure === row.measure);
  if (row.kind === 'level') {
    // Segments of the cord between the first and the latest determinable level (positive: caudally).
    if (outcome) row.change = outcome.change;
    return;
  }
  if (row.kind !== 'number') return;
  if (!outcome) return;
  row.change = outcome.change;
  row.meaningful = outcome.meaningful;
  if (outcome.mcid !== undefined) row.mcid = outcome.mcid;
  if (outcome.mcid_kind !== undefined) row.mcid_kind = outcome.mcid_kind;
}

function isncsciLabel(measure: (typeof ISNCSCI_ROWS)[number], tr: Translator): string {
  switch (measure) {
    case 'ais':
      return tr.t('model.results.ais');
    case 'nli':
      return tr.t('model.results.nli');
    case 'uems':
      return tr.t('model.results.uems');
    case 'lems':
      return tr.t('model.results.lems');
    case 'motor_total':
      return tr.t('model.results.motor_total');
    case 'lt_total':
      return tr.t('model.results.lt_total');
    case 'pp_total':
      return tr.t('model.results.pp_total');
  }
}
