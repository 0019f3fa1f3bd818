import { describe, expect, it } from 'vitest';
import {
  MOTOR_LEVELS,
  SENSORY_LEVELS,
  checkExamGrid,
  toIsncsciExam,
  type ExamSideInput,
  type GridValue,
  type IsncsciExamInput,
} from '../../../src/core/isncsci/index.js';

const normalMotor = (): GridValue[] => Array<GridValue>(10).fill(5);
const normalSensory = (): GridValue[] => Array<GridValue>(28).fill(2);
const asMap = (levels: readonly string[], values: GridValue[]): Record<string, GridValue> =>
  Object.fromEntries(levels.map((level, index) => [level, values[index] ?? 0]));

/** A normal exam (AIS E) in list form, with per-test changes. */
function exam(
  changes: { right?: Partial<ExamSideInput>; left?: Partial<ExamSideInput>; vac?: unknown; dap?: unknown } = {},
): IsncsciExamInput {
  const side = (extra?: Partial<ExamSideInput>): ExamSideInput => ({
    motor: normalMotor(),
    light_touch: normalSensory(),
    pin_prick: normalSensory(),
    ...extra,
  });
  return {
    vac: (changes.vac ?? 'yes') as string,
    dap: (changes.dap ?? 'yes') as string,
    right: side(changes.right),
    left: side(changes.left),
  };
}

describe('checkExamGrid', () => {
  it('accepts a normal exam in list form and in map form', () => {
    expect(checkExamGrid(exam())).toEqual([]);
    const map = { motor: asMap(MOTOR_LEVELS, normalMotor()), light_touch: asMap(SENSORY_LEVELS, normalSensory()) };
    expect(checkExamGrid(exam({ left: map }))).toEqual([]);
  });

  it('reports a list with the wrong count', () => {
    const problems = checkExamGrid(exam({ right: { light_touch: normalSensory().slice(1) } }));
    expect(problems).toEqual([
      expect.objectContaining({ path: ['right', 'light_touch'], message: 'right light_touch has 27 values; ISNCSCI needs 28 (C2 … S4_5)' }),
    ]);
    const motor = checkExamGrid(exam({ left: { motor: [...normalMotor(), 5] } }));
    expect(motor[0]?.message).toBe('left motor has 11 values; ISNCSCI needs 10 (C5 C6 C7 C8 T1 L2 L3 L4 L5 S1)');
  });

  it('names a bad value by its entry when the count is wrong (the level is then unknown)', () => {
    const problems = checkExamGrid(exam({ right: { motor: [5, 5, 7, 5] } }));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [['right', 'motor'], 'right motor has 4 values; ISNCSCI needs 10 (C5 C6 C7 C8 T1 L2 L3 L4 L5 S1)'],
      [['right', 'motor', 2], 'right motor entry 3: 7 is not a valid motor score (0-5, NT, or a value with * or **)'],
    ]);
  });

  it('names the level and side of a bad value, in a list and in a map', () => {
    const motor = normalMotor();
    motor[2] = 6;
    expect(checkExamGrid(exam({ right: { motor } }))).toEqual([
      { path: ['right', 'motor', 2], message: 'right motor C7: 6 is not a valid motor score (0-5, NT, or a value with * or **)' },
    ]);
    const pinPrick = asMap(SENSORY_LEVELS, normalSensory());
    pinPrick.T4 = 'x';
    expect(checkExamGrid(exam({ left: { pin_prick: pinPrick } }))).toEqual([
      {
        path: ['left', 'pin_prick', 'T4'],
        message: 'left pin_prick T4: "x" is not a valid sensory score (0-2, NT, or a value with * or **)',
      },
    ]);
  });

  it('hints at the 2019 rules for 5* and 2*', () => {
    const motor = normalMotor();
    motor[0] = '5*';
    const lightTouch = normalSensory();
    lightTouch[27] = '2*';
    const problems = checkExamGrid(exam({ right: { motor, light_touch: lightTouch } }));
    expect(problems.map((p) => p.path)).toEqual([
      ['right', 'motor', 0],
      ['right', 'light_touch', 27],
    ]);
    expect(problems[0]?.hint).toMatch(/no 5\*/);
    expect(problems[1]?.message).toMatch(/^right light_touch S4_5: "2\*"/);
    expect(problems[1]?.hint).toMatch(/a 2 is normal/);
  });

  it('reports an unknown map key with a did-you-mean hint, and the level it leaves missing', () => {
    const lightTouch = asMap(SENSORY_LEVELS, normalSensory());
    delete lightTouch.T12;
    lightTouch.T13 = 2;
    expect(checkExamGrid(exam({ left: { light_touch: lightTouch } }))).toEqual([
      { path: ['left', 'light_touch', 'T13'], message: 'left light_touch has an unknown level T13', hint: 'did you mean T12?' },
      { path: ['left', 'light_touch'], message: 'left light_touch has no value for T12; ISNCSCI needs all 28 (C2 … S4_5)' },
    ]);
  });

  it('hints S4-5 and s4_5 to S4_5 without also calling S4_5 missing', () => {
    for (const key of ['S4-5', 's4_5']) {
      const pinPrick: Record<string, GridValue> = asMap(SENSORY_LEVELS.slice(0, 27), normalSensory());
      pinPrick[key] = 0;
      expect(checkExamGrid(exam({ right: { pin_prick: pinPrick } }))).toEqual([
        { path: ['right', 'pin_prick', key], message: `right pin_prick has an unknown level ${key}`, hint: 'write S4_5' },
      ]);
    }
  });

  it('explains a sensory-only level used as a motor key, and an extra key in a full map', () => {
    const motor: Record<string, GridValue> = { ...asMap(MOTOR_LEVELS, normalMotor()), C4: 5 };
    const problems = checkExamGrid(exam({ right: { motor } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.hint).toBe('C4 has no key muscle; the motor levels are C5 C6 C7 C8 T1 L2 L3 L4 L5 S1');
    const lightTouch: Record<string, GridValue> = { ...asMap(SENSORY_LEVELS, normalSensory()), T13: 2 };
    expect(checkExamGrid(exam({ right: { light_touch: lightTouch } }))).toEqual([
      {
        path: ['right', 'light_touch', 'T13'],
        message: 'right light_touch has an unknown level T13',
        hint: 'all 28 levels are already there; remove T13',
      },
    ]);
  });

  it('reports missing map keys by name', () => {
    const motor = asMap(MOTOR_LEVELS, normalMotor());
    delete motor.L3;
    delete motor.S1;
    expect(checkExamGrid(exam({ left: { motor } }))).toEqual([
      { path: ['left', 'motor'], message: 'left motor has no value for L3, S1; ISNCSCI needs all 10 (C5 C6 C7 C8 T1 L2 L3 L4 L5 S1)' },
    ]);
  });

  it('rejects a bad vac or dap, and accepts yes/no/nt in any case and booleans', () => {
    expect(checkExamGrid(exam({ vac: 'maybe' }))).toEqual([{ path: ['vac'], message: 'vac: "maybe" is not valid; write yes, no or nt' }]);
    expect(checkExamGrid(exam({ dap: 1 }))[0]?.path).toEqual(['dap']);
    for (const value of ['Yes', 'NO', 'nt', 'NT', true, false]) expect(checkExamGrid(exam({ vac: value, dap: value }))).toEqual([]);
  });

  it('accepts starred and NT values, as strings, and plain numbers', () => {
    const motor: GridValue[] = ['0*', '4*', '3**', 'NT', 'NT*', 'NT**', 'nt', 0, 5, '5'];
    const lightTouch: GridValue[] = ['0*', '1*', '0**', '1**', 'NT', 'NT*', 'NT**', 0, 1, 2, '2', ...Array<GridValue>(17).fill(2)];
    expect(checkExamGrid(exam({ right: { motor, light_touch: lightTouch } }))).toEqual([]);
    const converted = toIsncsciExam(exam({ right: { motor, light_touch: lightTouch } }));
    expect(Object.values(converted.right.motor)).toEqual(['0*', '4*', '3**', 'NT', 'NT*', 'NT**', 'NT', '0', '5', '5']);
    expect(converted.right.lightTouch.C2).toBe('0*');
    expect(converted.voluntaryAnalContraction).toBe('Yes');
  });

  it('rejects fractional and negative numbers', () => {
    const motor = normalMotor();
    motor[0] = 4.5;
    motor[9] = -1;
    expect(checkExamGrid(exam({ right: { motor } })).map((p) => p.message)).toEqual([
      'right motor C5: 4.5 is not a valid motor score (0-5, NT, or a value with * or **)',
      'right motor S1: -1 is not a valid motor score (0-5, NT, or a value with * or **)',
    ]);
  });

  it('accepts a lowest_non_key_muscle at any level of the exam, as the ISNCSCI algorithm does (T5, L1)', () => {
    for (const level of ['L2', 'T5', 'L1', 'c4', ' s4-5 ']) {
      expect(checkExamGrid(exam({ right: { lowest_non_key_muscle: level } })), level).toEqual([]);
    }
  });

  it('refuses a lowest_non_key_muscle that names no level', () => {
    const problems = checkExamGrid(exam({ left: { lowest_non_key_muscle: 'hip adduction' } }));
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['left', 'lowest_non_key_muscle'],
        message: 'left lowest_non_key_muscle: "hip adduction" is not an ISNCSCI level (C2 … S4_5)',
      }),
    ]);
    expect(checkExamGrid(exam({ right: { lowest_non_key_muscle: 'T13' } }))).toHaveLength(1);
  });
});

describe('toIsncsciExam', () => {
  it('passes the non-key muscle on and refuses an exam with grid problems', () => {
    expect(toIsncsciExam(exam({ right: { lowest_non_key_muscle: 'c8' } })).right.lowestNonKeyMuscleWithMotorFunction).toBe('C8');
    expect(toIsncsciExam(exam({ left: { lowest_non_key_muscle: 'l1' } })).left.lowestNonKeyMuscleWithMotorFunction).toBe('L1');
    expect(() => toIsncsciExam(exam({ vac: 'maybe' }))).toThrow(/grid problems/);
  });
});
