import { z } from 'zod';
import { dateSchema, textListSchema, textSchema } from '../schema/primitives.js';

/** A time point of the series: a day after the first round's start, with a window either side. */
const timePoint = z.strictObject({
  label: textSchema,
  day: z.int().min(1).max(36_525).meta({ description: 'days after the start of the first round' }),
  window: z.int().min(0).max(3650).meta({ description: 'days either side of `day` an assessment may fall and still count' }),
});

const primaryOutcome = z.strictObject({
  instrument: z.string().min(1).meta({ description: 'a built-in instrument id or one the cases define' }),
  measure: z
    .string()
    .min(1)
    .default('total')
    .meta({ description: '`total` (default), a subscore, or an ISNCSCI measure (uems, lems, motor_total, lt_total, pp_total)' }),
});

/** The series file, format version 1 (see docs/series-format.md). */
export const seriesSchema = z.strictObject({
  casereport_series: z.literal(1, { message: 'expected format version 1 (casereport_series: 1)' }),
  id: z
    .string()
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected lower-case letters, digits and dashes, starting with a letter or digit' })
    .meta({ description: 'names the output files' }),
  title: textSchema.optional().meta({ description: '"a case series" is appended if absent' }),
  cases: z
    .array(z.string().min(1))
    .min(1, { message: 'a series needs at least one case file, folder or pattern' })
    .meta({ description: 'paths, folders or globs relative to this file: case YAML or the `--format json` output of render' }),
  design: z
    .strictObject({
      type: z.enum(['prospective', 'retrospective', 'unknown']).default('unknown'),
      consecutive: z.union([z.boolean(), z.literal('unknown')]).default('unknown'),
      centres: z.int().min(1).optional(),
    })
    .optional(),
  setting: textSchema.optional(),
  recruitment: z.strictObject({ start: dateSchema.optional(), end: dateSchema.optional() }).optional(),
  eligibility: z.strictObject({ inclusion: textListSchema.optional(), exclusion: textListSchema.optional() }).optional(),
  registration: textSchema.optional(),
  ethics: textSchema.optional(),
  time_points: z.array(timePoint).optional().meta({ description: 'without it, baseline and latest only' }),
  primary_outcomes: z.array(primaryOutcome).min(1, { message: 'name at least one primary outcome: { instrument: scim-iii }' }),
  responder: z
    .union([z.literal('mcid'), z.strictObject({ change: z.number().positive() })])
    .default('mcid')
    .meta({ description: 'mcid: a change reaching the MCID in the better direction; { change: N }: N points in the better direction' }),
});

export type SeriesFile = z.output<typeof seriesSchema>;
export type TimePointDefinition = NonNullable<SeriesFile['time_points']>[number];
export type PrimaryOutcome = SeriesFile['primary_outcomes'][number];
