import { toIsncsciExam, type IsncsciExamInput } from './grid.js';
import { MOTOR_LEVELS, type MotorLevelName } from './levels.js';
import { loadOnFirstUse } from '../load-on-first-use.js';
import { oncePerObject } from '../once-per-object.js';

/**
 * The isncsci package, loaded the first time an exam is classified: most cases have no ISNCSCI
 * exam, and loading it costs about 25 ms (on every render thread).
 */
const isncsciPackage = loadOnFirstUse<typeof import('isncsci')>('isncsci');

/** A total, or `"ND"` where an `NT` makes it not determinable. */
export type IsncsciTotal = number | 'ND';

/** What casereport derives from an ISNCSCI exam (the `derived` object of the json output). */
export interface IsncsciDerived {
  uems: IsncsciTotal;
  lems: IsncsciTotal;
  motor_total: IsncsciTotal;
  lt_total: IsncsciTotal;
  pp_total: IsncsciTotal;
  sensory_level: { right: string; left: string };
  motor_level: { right: string; left: string };
  nli: string;
  ais: string;
  complete: string;
  zpp: { sensory_right: string; sensory_left: string; motor_right: string; motor_left: string };
}

/** One myotome's motor score on each side, for report tables. */
export interface MotorScoreRow {
  level: MotorLevelName;
  right: string;
  left: string;
}

/** The package's total (`"25"`, `"ND"`) as a number or `"ND"`. */
function readTotal(total: string): IsncsciTotal {
  if (total === 'ND') return 'ND';
  // The package only stars a sum of starred parts, and its motor and sensory totals are never starred.
  if (/^\d+\*?$/.test(total)) return Number.parseInt(total, 10);
  throw new Error(`isncsci returned an unexpected total: ${JSON.stringify(total)}`);
}

/** The sum of two totals; not determinable if either is. */
function addTotals(a: IsncsciTotal, b: IsncsciTotal): IsncsciTotal {
  return a === 'ND' || b === 'ND' ? 'ND' : a + b;
}

/**
 * Classify an exam (ISNCSCI 2019 rules, via the isncsci package); call only on an exam that checked
 * clean. Once per exam object: validation (totals against the exam) and the report model classify
 * the same exam.
 */
export const deriveIsncsci: (exam: IsncsciExamInput) => IsncsciDerived = oncePerObject(classify);

function classify(exam: IsncsciExamInput): IsncsciDerived {
  const { classification, totals } = new (isncsciPackage().ISNCSCI)(toIsncsciExam(exam));
  const levels = classification.neurologicalLevels;
  const zpp = classification.zoneOfPartialPreservations;
  return {
    uems: readTotal(totals.upperExtremity),
    lems: readTotal(totals.lowerExtremity),
    // The package has no whole-body motor total; UEMS + LEMS is the ISNCSCI motor score.
    motor_total: addTotals(readTotal(totals.right.motor), readTotal(totals.left.motor)),
    lt_total: readTotal(totals.lightTouch),
    pp_total: readTotal(totals.pinPrick),
    sensory_level: { right: levels.sensoryRight, left: levels.sensoryLeft },
    motor_level: { right: levels.motorRight, left: levels.motorLeft },
    nli: classification.neurologicalLevelOfInjury,
    ais: classification.ASIAImpairmentScale,
    complete: classification.injuryComplete,
    zpp: { sensory_right: zpp.sensoryRight, sensory_left: zpp.sensoryLeft, motor_right: zpp.motorRight, motor_left: zpp.motorLeft },
  };
}

/** The motor score of each myotome, C5 to S1, on both sides, spelled as the package takes it (`"5"`, `"3*"`, `"NT"`). */
export function sideMotorScores(exam: IsncsciExamInput): MotorScoreRow[] {
  const { right, left } = toIsncsciExam(exam);
  return MOTOR_LEVELS.map((level) => ({ level, right: right.motor[level], left: left.motor[level] }));
}
