import type { Exam } from 'isncsci';
import { explainBadCell, normalizeMotorValue, normalizeObservation, normalizeSensoryValue, type ScoreKind } from './grid-values.js';
import { canonicalLevelKey, describeLevels, hintForUnknownKey } from './level-keys.js';
import { MOTOR_LEVELS, SENSORY_LEVELS, isSensoryLevel, type SensoryLevelName } from './levels.js';
import { oncePerObject } from '../once-per-object.js';

/** One cell as YAML hands it over: 0-5 / 0-2, or a string such as `"3*"`, `"NT"`, `"NT**"`, `"0**"`. */
export type GridValue = number | string;

/** One part of the exam: a list in level order, or a map keyed by level. */
export type Grid = GridValue[] | Record<string, GridValue>;

/** One side of the exam as written in a case file. */
export interface ExamSideInput {
  motor: Grid;
  light_touch: Grid;
  pin_prick: Grid;
  lowest_non_key_muscle?: string;
}

/** The ISNCSCI exam as written in a case file (after YAML parsing, before anything else). */
export interface IsncsciExamInput {
  vac: string | boolean;
  dap: string | boolean;
  right: ExamSideInput;
  left: ExamSideInput;
}

/** A mistake in the exam grid; `path` is relative to the exam object, e.g. `['right', 'motor', 2]`. */
export interface GridProblem {
  path: (string | number)[];
  message: string;
  hint?: string;
}

const SIDES = ['right', 'left'] as const;
const GRIDS = [
  { name: 'motor', levels: MOTOR_LEVELS, kind: 'motor' },
  { name: 'light_touch', levels: SENSORY_LEVELS, kind: 'sensory' },
  { name: 'pin_prick', levels: SENSORY_LEVELS, kind: 'sensory' },
] as const;
type GridName = (typeof GRIDS)[number]['name'];

const isValid = (raw: unknown, kind: ScoreKind): boolean =>
  (kind === 'motor' ? normalizeMotorValue(raw) : normalizeSensoryValue(raw)) !== undefined;

/** Problems in one grid (one side's motor, light_touch or pin_prick). */
function checkGrid(side: string, name: GridName, grid: unknown, levels: readonly string[], kind: ScoreKind): GridProblem[] {
  const where = `${side} ${name}`;
  const problems: GridProblem[] = [];
  const bad = (path: (string | number)[], label: string, raw: unknown): void => {
    const { message, hint } = explainBadCell(raw, kind);
    problems.push({ path, message: `${label}: ${message}`, ...(hint === undefined ? {} : { hint }) });
  };
  if (Array.isArray(grid)) {
    const complete = grid.length === levels.length;
    if (!complete) {
      problems.push({
        path: [side, name],
        message: `${where} has ${grid.length} values; ISNCSCI needs ${levels.length} (${describeLevels(levels)})`,
        hint: 'a list runs in level order; a map keyed by level (e.g. { C5: 5, … }) shows which level is missing',
      });
    }
    // With a wrong count the position no longer tells the level, so name the entry instead.
    grid.forEach((raw: unknown, index) => {
      if (!isValid(raw, kind)) bad([side, name, index], complete ? `${where} ${levels[index]}` : `${where} entry ${index + 1}`, raw);
    });
    return problems;
  }
  if (grid === null || typeof grid !== 'object') {
    return [
      {
        path: [side, name],
        message: `${where} must be a list of ${levels.length} values or a map keyed by level (${describeLevels(levels)})`,
      },
    ];
  }
  const entries = Object.entries(grid as Record<string, unknown>);
  const covered = new Set(entries.map(([key]) => canonicalLevelKey(key)));
  const missing = levels.filter((level) => !covered.has(level));
  const known = new Set(levels);
  for (const [key, raw] of entries) {
    if (known.has(key)) {
      if (!isValid(raw, kind)) bad([side, name, key], `${where} ${key}`, raw);
    } else {
      problems.push({
        path: [side, name, key],
        message: `${where} has an unknown level ${key}`,
        hint: hintForUnknownKey(key, levels, missing),
      });
    }
  }
  if (missing.length > 0) {
    problems.push({
      path: [side, name],
      message: `${where} has no value for ${missing.join(', ')}; ISNCSCI needs all ${levels.length} (${describeLevels(levels)})`,
    });
  }
  return problems;
}

/** Every problem in an exam's grid, VAC/DAP and non-key muscles; empty when the exam can be classified. */
export function checkExamGrid(exam: IsncsciExamInput): GridProblem[] {
  const problems: GridProblem[] = [];
  for (const field of ['vac', 'dap'] as const) {
    if (normalizeObservation(exam[field]) === undefined) {
      problems.push({ path: [field], message: `${field}: ${JSON.stringify(exam[field]) ?? 'nothing'} is not valid; write yes, no or nt` });
    }
  }
  for (const side of SIDES) {
    const input: unknown = exam[side];
    if (input === null || typeof input !== 'object') {
      problems.push({ path: [side], message: `${side} must hold motor, light_touch and pin_prick` });
      continue;
    }
    const sideInput = input as ExamSideInput;
    for (const { name, levels, kind } of GRIDS) problems.push(...checkGrid(side, name, sideInput[name], levels, kind));
    const muscle: unknown = sideInput.lowest_non_key_muscle;
    if (muscle !== undefined && readNonKeyMuscle(muscle) === undefined) {
      problems.push({
        path: [side, 'lowest_non_key_muscle'],
        message: `${side} lowest_non_key_muscle: ${JSON.stringify(muscle)} is not an ISNCSCI level (${describeLevels(SENSORY_LEVELS)})`,
        hint: 'name the level of the lowest muscle with motor function, e.g. L2 for hip adduction',
      });
    }
  }
  return problems;
}

/**
 * The level of a side's lowest non-key muscle, spelled as the package takes it. Any level of the
 * exam is accepted, not only the ten key-muscle levels: the algorithm and its reference exams (77-79
 * name T5 and L1) take any level, and it is the algorithm that decides what a level means for the
 * classification.
 */
function readNonKeyMuscle(raw: unknown): SensoryLevelName | undefined {
  if (typeof raw !== 'string') return undefined;
  const level = canonicalLevelKey(raw);
  return isSensoryLevel(level) ? level : undefined;
}

/** One grid as the package's level-keyed record; call only on a grid that checked clean. */
function readGrid<L extends string, V>(grid: Grid, levels: readonly L[], normalize: (raw: unknown) => V | undefined): Record<L, V> {
  const cells = levels.map((level, index) => {
    const value = normalize(Array.isArray(grid) ? grid[index] : grid[level]);
    if (value === undefined) throw new Error(`toIsncsciExam: ${level} is not valid; run checkExamGrid first`);
    return [level, value] as const;
  });
  return Object.fromEntries(cells) as Record<L, V>;
}

type NonKeyMuscleLevel = NonNullable<Exam['right']['lowestNonKeyMuscleWithMotorFunction']>;

/** One side in the package's shape. */
function toExamSide(side: ExamSideInput): Exam['right'] {
  const muscle = readNonKeyMuscle(side.lowest_non_key_muscle);
  return {
    motor: readGrid(side.motor, MOTOR_LEVELS, normalizeMotorValue),
    lightTouch: readGrid(side.light_touch, SENSORY_LEVELS, normalizeSensoryValue),
    pinPrick: readGrid(side.pin_prick, SENSORY_LEVELS, normalizeSensoryValue),
    // Handed over as the algorithm's own reference tests do. Its type names only key-muscle levels;
    // its code compares the value with those, so T5 or L1 leaves the result as reference exams 77-79 expect.
    ...(muscle !== undefined ? { lowestNonKeyMuscleWithMotorFunction: muscle as NonKeyMuscleLevel } : {}),
  };
}

/**
 * The exam in the isncsci package's shape; throws if the exam has grid problems (run
 * `checkExamGrid` first). Once per exam object: classification, motor tables and validation all ask
 * for it (the package does not modify what it is given; neither may callers).
 */
export const toIsncsciExam: (exam: IsncsciExamInput) => Exam = oncePerObject(convertExam);

function convertExam(exam: IsncsciExamInput): Exam {
  const problems = checkExamGrid(exam);
  if (problems.length > 0) throw new Error(`toIsncsciExam: the exam has grid problems, e.g. ${problems[0]?.message ?? ''}`);
  return {
    voluntaryAnalContraction: normalizeObservation(exam.vac) ?? 'NT',
    deepAnalPressure: normalizeObservation(exam.dap) ?? 'NT',
    right: toExamSide(exam.right),
    left: toExamSide(exam.left),
  };
}
