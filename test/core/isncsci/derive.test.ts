import { readFileSync } from 'node:fs';
import { ISNCSCI } from 'isncsci';
import { describe, expect, it } from 'vitest';
import {
  checkExamGrid,
  deriveIsncsci,
  sideMotorScores,
  toIsncsciExam,
  type ExamSideInput,
  type GridValue,
  type IsncsciDerived,
  type IsncsciExamInput,
} from '../../../src/core/isncsci/index.js';
import { MOTOR_LEVELS, SENSORY_LEVELS, isMotorLevel } from '../../../src/core/isncsci/levels.js';

/** A record of praxis-isncsci/algorithm specs/2019.json: flat exam fields plus the expected `totals`. */
interface ReferenceRecord {
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

const records = JSON.parse(
  readFileSync(new URL('../../fixtures/isncsci/isncsci-2019.json', import.meta.url), 'utf8'),
) as ReferenceRecord[];

type Form = 'list' | 'map';

/** A cell as YAML would hand it over: plain digits become numbers, everything else stays a string. */
const asYaml = (value: unknown): GridValue => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : String(value));

/** One grid of one side, as a case file would write it. */
function readGrid(record: ReferenceRecord, side: 'Right' | 'Left', part: 'Motor' | 'Touch' | 'Prick', form: Form) {
  const levels = part === 'Motor' ? MOTOR_LEVELS : SENSORY_LEVELS;
  const cells = levels.map((level) => [level, asYaml(record[`${level.toLowerCase()}${side}${part}`])] as const);
  return form === 'list' ? cells.map(([, value]) => value) : Object.fromEntries(cells);
}

function toSide(record: ReferenceRecord, side: 'Right' | 'Left', form: Form): ExamSideInput {
  const muscle = side === 'Right' ? record.rightLowestNonKeyMuscleWithMotorFunction : record.leftLowestNonKeyMuscleWithMotorFunction;
  return {
    motor: readGrid(record, side, 'Motor', form),
    light_touch: readGrid(record, side, 'Touch', form),
    pin_prick: readGrid(record, side, 'Prick', form),
    // Records 77-79 name T5 or L1, which have no key muscle: the package only matches the non-key muscle
    // against motor levels, so it ignores them (checked below), and a case file may not write them.
    ...(muscle !== undefined && isMotorLevel(muscle) ? { lowest_non_key_muscle: muscle } : {}),
  };
}

/** VAC / DAP as a user might write them: lower-case words in list-form exams, YAML 1.1 booleans in map-form ones. */
function toObservation(value: string, form: Form): string | boolean {
  if (form === 'map' && value !== 'NT') return value === 'Yes';
  return value.toLowerCase();
}

/** A reference record as a case file's `exam`, with both sides' grids in the given form. */
function toExamInput(record: ReferenceRecord, form: Form): IsncsciExamInput {
  return {
    vac: toObservation(record.analContraction, form),
    dap: toObservation(record.analSensation, form),
    right: toSide(record, 'Right', form),
    left: toSide(record, 'Left', form),
  };
}

const total = (value: string | undefined): number | 'ND' => (value === undefined || value === 'ND' ? 'ND' : Number(value));
const sum = (a: number | 'ND', b: number | 'ND'): number | 'ND' => (a === 'ND' || b === 'ND' ? 'ND' : a + b);

/** The record's expected `totals` in casereport's `derived` shape. */
function expectedDerived({ totals: t }: ReferenceRecord): IsncsciDerived {
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

const label = (record: ReferenceRecord): string =>
  [record.group, record.comments?.split('\n')[0]?.slice(0, 60)].filter(Boolean).join(': ') || 'no description';

describe('deriveIsncsci against the 128 ISNCSCI 2019 reference exams', () => {
  it('has all 128 records', () => {
    expect(records).toHaveLength(128);
  });

  it.each(records.map((record) => ({ id: record.id, what: label(record), record })))(
    'exam $id ($what)',
    ({ record }) => {
      const expected = expectedDerived(record);
      // The reference's motor total must agree with UEMS + LEMS, or the mapping above is wrong.
      expect(sum(expected.uems, expected.lems)).toEqual(expected.motor_total);
      for (const form of ['list', 'map'] as const) {
        const input = toExamInput(record, form);
        expect(checkExamGrid(input), `${form} form`).toEqual([]);
        expect(deriveIsncsci(input), `${form} form`).toEqual(expected);
      }
    },
  );

  it('gives the same result whether a non-motor non-key muscle (T5, L1) reaches the package or not', () => {
    for (const record of records.filter((r) => [77, 78, 79].includes(r.id))) {
      const exam = toIsncsciExam(toExamInput(record, 'list'));
      const raw = structuredClone(exam) as unknown as Record<'right' | 'left', Record<string, unknown>>;
      raw.right.lowestNonKeyMuscleWithMotorFunction = record.rightLowestNonKeyMuscleWithMotorFunction;
      raw.left.lowestNonKeyMuscleWithMotorFunction = record.leftLowestNonKeyMuscleWithMotorFunction;
      const withRaw = new ISNCSCI(raw as unknown as typeof exam);
      const without = new ISNCSCI(exam);
      expect(withRaw.classification).toEqual(without.classification);
    }
  });
});

describe('sideMotorScores', () => {
  it('lists each myotome with both sides, spelled as the package takes them', () => {
    const record = records.find((r) => r.id === 1);
    if (!record) throw new Error('record 1 missing');
    const rows = sideMotorScores(toExamInput(record, 'map'));
    expect(rows.map((row) => row.level)).toEqual([...MOTOR_LEVELS]);
    expect(rows[0]).toEqual({ level: 'C5', right: '5', left: '4' });
    expect(rows[2]).toEqual({ level: 'C7', right: '2', left: '4' });
  });

  it('keeps flags and NT, and normalizes YAML numbers and lower-case nt', () => {
    const sensory = Array<GridValue>(28).fill(2);
    const side = (motor: GridValue[]): ExamSideInput => ({ motor, light_touch: sensory, pin_prick: sensory });
    const rows = sideMotorScores({
      vac: 'yes',
      dap: 'yes',
      right: side([5, 5, '3*', 'nt', 5, 5, 5, 5, 5, '0**']),
      left: side([5, 5, 5, 5, 5, 5, 5, 5, 5, 'NT*']),
    });
    expect(rows[2]).toEqual({ level: 'C7', right: '3*', left: '5' });
    expect(rows[3]).toEqual({ level: 'C8', right: 'NT', left: '5' });
    expect(rows[9]).toEqual({ level: 'S1', right: '0**', left: 'NT*' });
  });
});
