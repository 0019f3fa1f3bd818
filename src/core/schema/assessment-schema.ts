import { z } from 'zod';
import { dateSchema, daySchema, textSchema } from './primitives.js';

const gridValue = z.union([z.number(), z.string()]);
const grid = z
  .union([z.array(gridValue), z.record(z.string(), gridValue)])
  .meta({ description: 'a list in level order, or a map keyed by level; values may be NT or carry * / **' });
const observation = z.union([z.string(), z.boolean()]).meta({ description: 'yes | no | nt' });

const examSide = z.strictObject({
  motor: grid.meta({ description: 'key muscles C5 C6 C7 C8 T1 L2 L3 L4 L5 S1: 0-5, NT' }),
  light_touch: grid.meta({ description: 'C2 … T12, L1 … S4_5 (28 points): 0-2, NT' }),
  pin_prick: grid.meta({ description: 'C2 … T12, L1 … S4_5 (28 points): 0-2, NT' }),
  lowest_non_key_muscle: z.string().optional(),
});

/** The raw ISNCSCI examination as written in a case file; the grid is checked cell by cell later. */
export const isncsciExamSchema = z.strictObject({
  vac: observation.meta({ description: 'voluntary anal contraction: yes | no | nt' }),
  dap: observation.meta({ description: 'deep anal pressure: yes | no | nt' }),
  right: examSide,
  left: examSide,
});

/** ISNCSCI totals, for assessments without a raw exam. */
export const isncsciTotalsSchema = z.strictObject({
  uems: z.number().min(0).max(50).optional(),
  lems: z.number().min(0).max(50).optional(),
  lt_total: z.number().min(0).max(112).optional(),
  pp_total: z.number().min(0).max(112).optional(),
  ais: z.enum(['A', 'B', 'C', 'D', 'E']).optional(),
  nli: z.string().optional(),
});

/** One standardized measurement at one point in time. */
export const assessmentSchema = z.strictObject({
  id: z.string().min(1),
  instrument: z.string().min(1).meta({ description: 'a built-in instrument id or one defined under instruments' }),
  date: dateSchema.optional(),
  day: daySchema.optional(),
  label: textSchema.optional(),
  examiner: textSchema.optional().meta({ description: 'clinician, patient, caregiver, or a role' }),
  blinded: z.boolean().optional(),
  score: z
    .union([z.number(), z.string()])
    .optional()
    .meta({ description: 'a number, or one of the levels of an ordinal instrument ("1+" on the Modified Ashworth Scale)' }),
  subscores: z.record(z.string(), z.number()).optional(),
  exam: isncsciExamSchema.optional(),
  totals: isncsciTotalsSchema.optional(),
  notes: textSchema.optional(),
});

/** An instrument the built-in registry lacks. */
export const instrumentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected lower-case letters, digits and dashes' }),
  name: textSchema,
  /** The name tables and the timeline use ("FIM motor"); the full name where not given. */
  short: textSchema.optional(),
  range: z
    .tuple([z.number(), z.number()])
    .optional()
    .meta({ description: 'lowest and highest score; leave out for a measure without a fixed scale and give `unit`' }),
  min: z.number().optional().meta({ description: 'the lowest possible value where there is no `range` (0 for a time or a distance)' }),
  levels: z
    .array(z.union([z.string().min(1), z.number()]).transform(String))
    .min(2)
    .optional()
    .meta({ description: 'the values of an ordinal scale in order, lowest first: [0, 1, 1+, 2, 3, 4]' }),
  higher_is_better: z.boolean(),
  step: z.number().positive().optional(),
  mcid: z.number().positive().optional(),
  mcid_source: textSchema.optional(),
  unit: textSchema.optional(),
  subscores: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
});
