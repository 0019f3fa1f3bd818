import type { Exam } from 'isncsci';

/** A key muscle score as the isncsci package takes it, e.g. `'4'`, `'3*'`, `'NT**'`. */
export type MotorValue = Exam['right']['motor']['C5'];

/** A sensory point score as the isncsci package takes it, e.g. `'2'`, `'1*'`, `'NT'`. */
export type SensoryValue = Exam['right']['lightTouch']['C2'];

/** VAC or DAP as the isncsci package takes it. */
export type ObservationValue = Exam['voluntaryAnalContraction'];

/** Motor scores the isncsci package accepts; ISNCSCI 2019 has no `5*` (a 5 is normal and needs no flag). */
export const MOTOR_VALUES = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '0*',
  '1*',
  '2*',
  '3*',
  '4*',
  '0**',
  '1**',
  '2**',
  '3**',
  '4**',
  'NT',
  'NT*',
  'NT**',
] as const satisfies readonly MotorValue[];

/** Sensory scores the isncsci package accepts; there is no `2*` (a 2 is normal and needs no flag). */
export const SENSORY_VALUES = ['0', '1', '2', '0*', '1*', '0**', '1**', 'NT', 'NT*', 'NT**'] as const satisfies readonly SensoryValue[];

// Compile-time guard: if a new isncsci release adds a score, these lists must learn it too.
const _motorComplete: [Exclude<MotorValue, (typeof MOTOR_VALUES)[number]>] extends [never] ? true : false = true;
const _sensoryComplete: [Exclude<SensoryValue, (typeof SENSORY_VALUES)[number]>] extends [never] ? true : false = true;

/** What a grid cell may be: a motor (0-5) or a sensory (0-2) score. */
export type ScoreKind = 'motor' | 'sensory';

/** Spelling of a cell as the package wants it: YAML numbers become strings, `nt` becomes `NT`. */
function spellCell(raw: unknown): string | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? String(raw) : undefined;
  if (typeof raw === 'string') return raw.trim().toUpperCase();
  return undefined;
}

// Sets: an exam has a few hundred cells, each looked up here.
const MOTOR_SET: ReadonlySet<string> = new Set(MOTOR_VALUES);
const SENSORY_SET: ReadonlySet<string> = new Set(SENSORY_VALUES);

/** The package's spelling of a motor cell, or undefined if it is not a valid motor score. */
export function normalizeMotorValue(raw: unknown): MotorValue | undefined {
  const value = spellCell(raw);
  return value !== undefined && MOTOR_SET.has(value) ? (value as MotorValue) : undefined;
}

/** The package's spelling of a sensory cell, or undefined if it is not a valid sensory score. */
export function normalizeSensoryValue(raw: unknown): SensoryValue | undefined {
  const value = spellCell(raw);
  return value !== undefined && SENSORY_SET.has(value) ? (value as SensoryValue) : undefined;
}

/** The package's spelling of `vac` / `dap`: yes | no | nt in any case, or a YAML 1.1 boolean. */
export function normalizeObservation(raw: unknown): ObservationValue | undefined {
  if (raw === true) return 'Yes';
  if (raw === false) return 'No';
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim().toLowerCase();
  if (value === 'yes') return 'Yes';
  if (value === 'no') return 'No';
  if (value === 'nt') return 'NT';
  return undefined;
}

/** A cell as the user wrote it, for messages: numbers bare, strings quoted. */
export function describeCell(raw: unknown): string {
  if (typeof raw === 'number') return String(raw);
  if (typeof raw === 'string') return JSON.stringify(raw);
  if (raw === null || raw === undefined) return 'an empty value';
  return Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'a map' : String(raw);
}

/** Why a cell is wrong, in words: the problem message's tail and an optional hint. */
export function explainBadCell(raw: unknown, kind: ScoreKind): { message: string; hint?: string } {
  const range = kind === 'motor' ? '0-5' : '0-2';
  const message = `${describeCell(raw)} is not a valid ${kind} score (${range}, NT, or a value with * or **)`;
  const value = spellCell(raw) ?? '';
  if (kind === 'motor' && /^5\*{1,2}$/.test(value)) {
    return {
      message,
      hint: 'ISNCSCI 2019 has no 5*: write 5, or the measured score (0-4) with * or ** when the weakness is not due to the SCI',
    };
  }
  if (kind === 'sensory' && /^2\*{1,2}$/.test(value)) {
    return { message, hint: 'a 2 is normal and takes no flag: write 2, or the measured score (0-1) with * or **' };
  }
  if (kind === 'sensory' && /^[3-5]\**$/.test(value)) {
    return { message, hint: 'sensory scores are 0 (absent), 1 (altered) or 2 (normal)' };
  }
  if (/^(N\/?A|ND|N\/T|-)$/.test(value)) return { message, hint: 'write NT for a point or muscle that could not be tested' };
  return { message };
}
