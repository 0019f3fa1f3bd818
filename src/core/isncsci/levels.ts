/** The ten key muscles (myotomes) of the ISNCSCI motor exam, top to bottom. */
export const MOTOR_LEVELS = ['C5', 'C6', 'C7', 'C8', 'T1', 'L2', 'L3', 'L4', 'L5', 'S1'] as const;

/** The 28 key sensory points (dermatomes) of the ISNCSCI sensory exam, top to bottom; `S4_5` is S4-5. */
export const SENSORY_LEVELS = [
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
  'L5',
  'S1',
  'S2',
  'S3',
  'S4_5',
] as const;

/** A key muscle level, e.g. `C5`. */
export type MotorLevelName = (typeof MOTOR_LEVELS)[number];

/** A key sensory level, e.g. `T4` or `S4_5`. */
export type SensoryLevelName = (typeof SENSORY_LEVELS)[number];

/** Whether `value` names a key muscle level (exact spelling). */
export function isMotorLevel(value: string): value is MotorLevelName {
  return (MOTOR_LEVELS as readonly string[]).includes(value);
}

/** Whether `value` names a key sensory level (exact spelling). */
export function isSensoryLevel(value: string): value is SensoryLevelName {
  return (SENSORY_LEVELS as readonly string[]).includes(value);
}
