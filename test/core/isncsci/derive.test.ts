import { describe, expect, it } from 'vitest';
import {
  deriveIsncsci,
  sideMotorScores,
  toIsncsciExam,
  type ExamSideInput,
  type GridValue,
  type IsncsciExamInput,
} from '../../../src/core/isncsci/index.js';
import { MOTOR_LEVELS } from '../../../src/core/isncsci/levels.js';
import { REFERENCE_RECORDS, expectedDerived, referenceCells, type Side } from '../../helpers/isncsci-reference.js';

/** Record 1 of the reference exams as a case file's `exam` (after YAML parsing), in map form. */
function recordOneExam(): IsncsciExamInput {
  const record = REFERENCE_RECORDS.find((r) => r.id === 1);
  if (!record) throw new Error('record 1 missing');
  const asYaml = (value: string): GridValue => (/^\d+$/.test(value) ? Number(value) : value);
  const side = (name: Side): ExamSideInput => ({
    motor: Object.fromEntries(referenceCells(record, name, 'Motor').map(([level, value]) => [level, asYaml(value)])),
    light_touch: Object.fromEntries(referenceCells(record, name, 'Touch').map(([level, value]) => [level, asYaml(value)])),
    pin_prick: Object.fromEntries(referenceCells(record, name, 'Prick').map(([level, value]) => [level, asYaml(value)])),
  });
  return { vac: record.analContraction, dap: record.analSensation, right: side('Right'), left: side('Left') };
}

describe('deriveIsncsci', () => {
  it('classifies an exam as its reference record expects (all 128: reference-exams.test.ts)', () => {
    const record = REFERENCE_RECORDS.find((r) => r.id === 1);
    if (!record) throw new Error('record 1 missing');
    expect(deriveIsncsci(recordOneExam())).toEqual(expectedDerived(record));
  });

  it('reads yes and no written as YAML booleans', () => {
    const exam = recordOneExam();
    const words = deriveIsncsci({ ...exam, vac: 'no', dap: 'no' });
    expect(deriveIsncsci({ ...exam, vac: false, dap: false })).toEqual(words);
  });

  it('hands a non-key muscle at any level to the package, which ignores one without a key muscle', () => {
    const exam = recordOneExam();
    const withMuscle = { ...exam, left: { ...exam.left, lowest_non_key_muscle: 't5' } };
    expect(toIsncsciExam(withMuscle).left.lowestNonKeyMuscleWithMotorFunction).toBe('T5');
    expect(deriveIsncsci(withMuscle)).toEqual(deriveIsncsci(exam));
  });
});

describe('sideMotorScores', () => {
  it('lists each myotome with both sides, spelled as the package takes them', () => {
    const rows = sideMotorScores(recordOneExam());
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
