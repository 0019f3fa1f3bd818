import { readFileSync } from 'node:fs';
import type { IsncsciDerived } from '../../src/core/isncsci/index.js';
import { MOTOR_LEVELS, SENSORY_LEVELS } from '../../src/core/isncsci/levels.js';

/**
 * A record of the ISNCSCI algorithm's reference exams (test/fixtures/isncsci, see its README): flat
 * exam fields (`c5RightMotor`, `t4LeftPrick`, …) and the expected classification under `totals`.
 */
export interface ReferenceRecord {
  id: number;
  group?: string;
  comments?: string;
  analContraction: string;
  analSensation: string;
  rightLowestNonKeyMuscleWithMotorFunction?: string;
  leftLowestNonKeyMuscleWithMotorFunction?: string;
  totals: Record<string, string>;
  [field: string]: unknown;
}

/** All 128 reference exams, in the file's order. */
export const REFERENCE_RECORDS = JSON.parse(
  readFileSync(new URL('../fixtures/isncsci/isncsci-2019.json', import.meta.url), 'utf8'),
) as ReferenceRecord[];

/** The two ways a case file may write an exam grid. */
export type ExamForm = 'list' | 'map';

export type Side = 'Right' | 'Left';

/** One side's cells of one part, in level order, as the reference spells them (`"3*"`, `"NT"`). */
export function referenceCells(record: ReferenceRecord, side: Side, part: 'Motor' | 'Touch' | 'Prick'): [level: string, value: string][] {
  const levels = part === 'Motor' ? MOTOR_LEVELS : SENSORY_LEVELS;
  return levels.map((level) => [level, String(record[`${level.toLowerCase()}${side}${part}`])]);
}

/** The record's lowest non-key muscle on one side, where it names one. */
export function referenceNonKeyMuscle(record: ReferenceRecord, side: Side): string | undefined {
  return side === 'Right' ? record.rightLowestNonKeyMuscleWithMotorFunction : record.leftLowestNonKeyMuscleWithMotorFunction;
}

const GRID_KEYS = [
  ['motor', 'Motor'],
  ['light_touch', 'Touch'],
  ['pin_prick', 'Prick'],
] as const;

/**
 * The record as a case file's `exam:` block, written as a user would: list form in flow style with
 * plain scalars (`3*`, `NT`) and lower-case `vac`/`dap`; map form in block style with the flagged
 * values quoted and `vac`/`dap` as the reference spells them.
 */
export function referenceExamYaml(record: ReferenceRecord, form: ExamForm, indent: string): string {
  const lines: string[] = [];
  const observation = (value: string): string => (form === 'list' ? value.toLowerCase() : value);
  lines.push(`vac: ${observation(record.analContraction)}`, `dap: ${observation(record.analSensation)}`);
  for (const side of ['Right', 'Left'] as const) {
    lines.push(`${side.toLowerCase()}:`);
    for (const [key, part] of GRID_KEYS) {
      const cells = referenceCells(record, side, part);
      if (form === 'list') {
        lines.push(`  ${key}: [${cells.map(([, value]) => value).join(', ')}]`);
      } else {
        lines.push(`  ${key}:`);
        for (const [level, value] of cells) lines.push(`    ${level}: ${/^\d$/.test(value) ? value : JSON.stringify(value)}`);
      }
    }
    const muscle = referenceNonKeyMuscle(record, side);
    if (muscle !== undefined) lines.push(`  lowest_non_key_muscle: ${muscle}`);
  }
  return lines.map((line) => `${indent}${line}`).join('\n');
}

/** A whole case file whose one assessment is the record's exam. */
export function referenceCaseText(record: ReferenceRecord, form: ExamForm): string {
  return `casereport: 1
id: isncsci-reference-${record.id}
patient:
  label: Reference exam ${record.id}
condition:
  name: Spinal cord injury
rounds:
  - id: round-1
assessments:
  - id: exam-${record.id}
    instrument: isncsci
    day: 0
    exam:
${referenceExamYaml(record, form, '      ')}
adverse_events: []
`;
}

/** A reference total (`"25"`, `"ND"`) as casereport writes it. */
export const readReferenceTotal = (value: string | undefined): number | 'ND' =>
  value === undefined || value === 'ND' ? 'ND' : Number(value);

/** The sum of two totals: not determinable if either is. */
export const addTotals = (a: number | 'ND', b: number | 'ND'): number | 'ND' => (a === 'ND' || b === 'ND' ? 'ND' : a + b);

/** The record's expected `totals` in casereport's `derived` shape. */
export function expectedDerived({ totals: t }: ReferenceRecord): IsncsciDerived {
  const total = readReferenceTotal;
  const sum = addTotals;
  return {
    uems: total(t.upperMotorTotal),
    lems: total(t.lowerMotorTotal),
    motor_total: sum(total(t.rightMotorTotal), total(t.leftMotorTotal)),
    lt_total: total(t.touchTotal),
    pp_total: total(t.prickTotal),
    sensory_level: { right: t.rightSensory ?? '', left: t.leftSensory ?? '' },
    motor_level: { right: t.rightMotor ?? '', left: t.leftMotor ?? '' },
    nli: t.neurologicalLevelOfInjury ?? '',
    ais: t.asiaImpairmentScale ?? '',
    complete: t.injuryComplete ?? '',
    zpp: {
      sensory_right: t.rightSensoryZpp ?? '',
      sensory_left: t.leftSensoryZpp ?? '',
      motor_right: t.rightMotorZpp ?? '',
      motor_left: t.leftMotorZpp ?? '',
    },
  };
}

/** A short name for a record in test titles. */
export function describeRecord(record: ReferenceRecord): string {
  return [record.group, record.comments?.split('\n')[0]?.slice(0, 60)].filter(Boolean).join(': ') || 'no description';
}
