import { z } from 'zod';

/** ISO 8601 date, possibly partial: `2023`, `2023-03` or `2023-03-01`. YAML reads a bare year as a number. */
export const dateSchema = z
  .union([
    z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
      message: 'expected an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD',
    }),
    z.int().min(1000).max(9999),
  ])
  .transform((value) => String(value))
  .meta({ description: 'ISO 8601 date, possibly partial: 2023, 2023-03 or 2023-03-01' });

/** How far from the first round a day offset may be: 100 years, which any case fits in. */
export const MAX_DAYS = 36_525;

/** Whole days since the start of the first round (negative before it). */
export const daySchema = z
  .int({ message: 'expected a whole number of days since the start of the first round' })
  .min(-MAX_DAYS)
  .max(MAX_DAYS)
  .meta({ description: 'whole days since the start of the first round; negative before it; at most 100 years (36525 days) either way' });

/** Free text: YAML may hand a number or a boolean where the author meant text. */
export const textSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value));

/** Either `date` or `day` (or both) locate a thing in time. */
export const whenFields = {
  date: dateSchema.optional(),
  day: daySchema.optional(),
};

/** A list of plain strings. */
export const textListSchema = z.array(textSchema);
