/** The ISNCSCI module: level constants, the exam grid as written in a case file, and its classification. */
export { MOTOR_LEVELS, SENSORY_LEVELS, isMotorLevel, isSensoryLevel } from './levels.js';
export type { MotorLevelName, SensoryLevelName } from './levels.js';
export { MOTOR_VALUES, SENSORY_VALUES } from './grid-values.js';
export type { MotorValue, SensoryValue, ObservationValue } from './grid-values.js';
export { checkExamGrid, toIsncsciExam } from './grid.js';
export type { ExamSideInput, Grid, GridProblem, GridValue, IsncsciExamInput } from './grid.js';
export { deriveIsncsci, sideMotorScores } from './derive.js';
export type { IsncsciDerived, IsncsciTotal, MotorScoreRow } from './derive.js';
