import type { SeriesModel } from './types.js';

/**
 * One CSV field (RFC 4180): quoted where it holds a comma, quote or line break. A field that a
 * spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe, so opening the file runs nothing; numbers are written as numbers.
 */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The patient table for statisticians: one row per case, stable column names, CRLF line ends. */
export function patientsCsv(model: SeriesModel): string {
  const header = [
    'id',
    'label',
    'age',
    'sex',
    'condition',
    'baseline_ais',
    'since_onset_days',
    'interventions',
    'rounds',
    'follow_up_days',
    'primary_change',
    'adverse_events',
  ];
  const rows = model.patients.map((p) =>
    [
      p.id,
      p.label,
      p.age,
      p.sex,
      p.condition,
      p.baseline_ais,
      p.since_onset_days,
      p.interventions,
      p.rounds,
      p.follow_up_days,
      p.primary_change,
      p.adverse_events,
    ].map(field),
  );
  return [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}
