import { describe, expect, it } from 'vitest';
import type { MotorScoreRow } from '../../../src/core/isncsci/index.js';
import { buildReportModel } from '../../../src/core/model/build-model.js';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import {
  REFERENCE_RECORDS,
  addTotals,
  describeRecord,
  expectedDerived,
  readReferenceTotal,
  referenceCaseText,
  type ExamForm,
  type ReferenceRecord,
} from '../../helpers/isncsci-reference.js';

/** A case file's text through validation into the report model, as `render` takes it. */
function classifyCaseText(text: string) {
  const result = validateCaseText(text);
  if (!result.ok) throw new Error(`the case file is refused:\n${result.issues.map((i) => `${i.line ?? '?'}: ${i.message}`).join('\n')}`);
  const model = buildReportModel(result.value.caseFile, result.value.instruments);
  const [assessment] = model.assessments;
  if (!assessment?.derived || !assessment.motor_scores) throw new Error('the exam was not classified');
  return { derived: assessment.derived, motor_scores: assessment.motor_scores, summary: model.isncsci_exams[0] };
}

/** One side's motor total over some myotomes of the report's motor table; ND where one is NT. */
function tableTotal(rows: MotorScoreRow[], side: 'right' | 'left', levels: 'upper' | 'lower' | 'all'): number | 'ND' {
  const chosen = levels === 'all' ? rows : levels === 'upper' ? rows.slice(0, 5) : rows.slice(5);
  return chosen.reduce<number | 'ND'>((sum, row) => addTotals(sum, row[side].startsWith('NT') ? 'ND' : Number.parseInt(row[side], 10)), 0);
}

const cases = REFERENCE_RECORDS.flatMap((record) =>
  (['list', 'map'] as const).map((form: ExamForm) => ({ id: record.id, form, what: describeRecord(record), record })),
);

describe('the 128 ISNCSCI 2019 reference exams, from case file text to the report', () => {
  it('covers every record of the reference, including the non-key muscles at T5 and L1 (77-79)', () => {
    expect(new Set(REFERENCE_RECORDS.map((r) => r.id)).size).toBe(128);
    const muscles = REFERENCE_RECORDS.flatMap((r) => [
      r.rightLowestNonKeyMuscleWithMotorFunction,
      r.leftLowestNonKeyMuscleWithMotorFunction,
    ]);
    expect(muscles).toEqual(expect.arrayContaining(['T5', 'L1']));
    expect(cases).toHaveLength(256);
  });

  it.each(cases)('exam $id in $form form ($what)', ({ record, form }: { record: ReferenceRecord; form: ExamForm }) => {
    const { derived, motor_scores, summary } = classifyCaseText(referenceCaseText(record, form));
    const t = record.totals;
    // AIS, completeness, NLI, sensory and motor levels, the four ZPPs, UEMS, LEMS, LT and PP totals.
    expect(derived).toEqual(expectedDerived(record));
    expect(summary).toMatchObject({ source: 'exam', ais: derived.ais, nli: derived.nli, zpp: derived.zpp });
    // The per-side totals, which casereport does not derive: its motor table and its totals must agree with them.
    for (const side of ['right', 'left'] as const) {
      expect(tableTotal(motor_scores, side, 'upper'), `${side} upper`).toBe(readReferenceTotal(t[`${side}UpperMotorTotal`]));
      expect(tableTotal(motor_scores, side, 'lower'), `${side} lower`).toBe(readReferenceTotal(t[`${side}LowerMotorTotal`]));
      expect(tableTotal(motor_scores, side, 'all'), `${side} motor`).toBe(readReferenceTotal(t[`${side}MotorTotal`]));
    }
    expect(derived.lt_total).toBe(addTotals(readReferenceTotal(t.rightTouchTotal), readReferenceTotal(t.leftTouchTotal)));
    expect(derived.pp_total).toBe(addTotals(readReferenceTotal(t.rightPrickTotal), readReferenceTotal(t.leftPrickTotal)));
  });
});
