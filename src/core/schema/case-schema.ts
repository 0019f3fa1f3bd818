import { z } from 'zod';
import { assessmentSchema, instrumentSchema } from './assessment-schema.js';
import * as E from './enums.js';
import { dateSchema, daySchema, textListSchema, textSchema, whenFields } from './primitives.js';

/**
 * The longest case id. It names the output files: `ID.html`, `ID-chart-12.svg`, and temporary files
 * with a prefix and suffix beside them, which must stay under the 255 bytes most file systems allow.
 */
export const MAX_ID_LENGTH = 64;

const person = z.strictObject({ name: textSchema, affiliation: textSchema.optional(), role: textSchema.optional() });

/** The longest word a case may name its treatment rounds by (`report.round_term`). */
export const MAX_ROUND_TERM_LENGTH = 40;

/** A word for a round, as the reports print it in sentences, headings, labels and charts: one short line. */
const roundWord = z
  .string()
  .max(MAX_ROUND_TERM_LENGTH)
  .regex(/\S/, { message: 'expected a word, found an empty text' })
  // eslint-disable-next-line no-control-regex -- control characters (line breaks, tabs) are what it refuses
  .regex(/^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$/, { message: 'expected one line of text, without line breaks or tabs' });

/** What the reports call a treatment round: a word whose plural adds "s", or both forms. */
const roundTerm = z
  .union([roundWord, z.strictObject({ one: roundWord, other: roundWord })])
  .meta({
    description:
      'what the reports call a treatment round (default: round): a word whose plural adds "s" (phase), or its singular and plural ({one: therapy, other: therapies})',
  });

const patient = z.strictObject({
  label: textSchema.meta({ description: 'how the report names the patient: a pseudonym or initials' }),
  sex: z.enum(E.SEXES).optional(),
  age: z.number().min(0).max(130).optional().meta({ description: 'years at the first round' }),
  age_range: z
    .string()
    .regex(/^\d{1,3}-\d{1,3}$/, { message: 'expected a range such as "30-39"' })
    .optional(),
  occupation: textSchema.optional(),
  ethnicity: textSchema.optional(),
  concerns: textListSchema.optional(),
  history: z
    .union([
      textSchema,
      z.strictObject({
        medical: textSchema.optional(),
        family: textSchema.optional(),
        psychosocial: textSchema.optional(),
        comorbidities: z.union([textSchema, textListSchema]).optional(),
      }),
    ])
    .optional(),
  prior_interventions: z
    .array(z.strictObject({ name: textSchema, outcome: textSchema.optional(), ...whenFields }))
    .optional(),
});

const condition = z.strictObject({
  name: textSchema,
  code: z.strictObject({ system: textSchema, code: textSchema, display: textSchema.optional() }).optional(),
  onset: dateSchema.optional().meta({ description: 'date of injury or diagnosis' }),
  onset_day: daySchema
    .optional()
    .meta({ description: 'day of injury or diagnosis, in days since the start of the first round (-21: three weeks before); instead of `onset`' }),
  cause: textSchema.optional(),
  details: textSchema.optional(),
});

/** A reference: as one formatted text, or by its parts (printed in Vancouver style). */
const reference = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, { message: 'expected letters, digits and _ . : - (cited as [@id])' })
    .max(64),
  text: textSchema.optional().meta({ description: 'the whole reference as it should be printed' }),
  authors: z.union([textSchema, textListSchema]).optional(),
  title: textSchema.optional(),
  journal: textSchema.optional(),
  year: textSchema.optional(),
  volume: textSchema.optional(),
  issue: textSchema.optional(),
  pages: textSchema.optional(),
  doi: textSchema.optional(),
  url: textSchema.optional(),
});

/** A named setting of an intervention: a frequency, an intensity, minutes per session, a number of sessions. */
const parameter = z.strictObject({
  name: textSchema,
  value: z.union([z.number(), textSchema]),
  unit: textSchema.optional(),
});

const intervention = z.strictObject({
  type: z.enum(E.INTERVENTION_TYPES),
  name: textSchema.optional(),
  device: z
    .strictObject({ name: textSchema, manufacturer: textSchema.optional() })
    .optional()
    .meta({ description: 'the device, stimulator or orthosis used' }),
  parameters: z
    .array(parameter)
    .optional()
    .meta({ description: 'named settings with units: frequency, intensity, minutes per session, sessions' }),
  product: z
    .strictObject({
      cell_type: textSchema.optional(),
      source: textSchema.optional(),
      origin: z.enum(E.CELL_ORIGINS).optional(),
      manipulation: textSchema.optional(),
    })
    .optional(),
  dose: textSchema.optional(),
  route: textSchema.optional(),
  sessions: z.int().min(0).optional(),
  schedule: textSchema.optional(),
  notes: textSchema.optional(),
});

/** One observed change, labelled by who observed it. */
export const observationSchema = z.strictObject({
  domain: z.enum(E.DOMAINS),
  site: textSchema.optional(),
  change: z.enum(E.CHANGES),
  finding: textSchema,
  source: z.enum(E.SOURCES),
  evidence: z.array(z.string()).optional(),
  ...whenFields,
});

const round = z.strictObject({
  id: z.string().min(1),
  label: textSchema.optional(),
  start: dateSchema.optional(),
  end: dateSchema.optional(),
  day: daySchema.optional().meta({ description: 'start, in days since the start of the first round' }),
  end_day: daySchema.optional().meta({ description: 'end, in days since the start of the first round' }),
  interventions: z.array(intervention).optional(),
  observations: z.array(observationSchema).optional(),
  notes: textSchema.optional(),
});

const medication = z.strictObject({
  name: textSchema,
  type: z.enum(E.MEDICATION_TYPES).optional(),
  dose: textSchema.optional(),
  indication: textSchema.optional(),
  change: z.enum(E.MEDICATION_CHANGES).optional(),
  decided_by: z.enum(E.DECIDERS).optional(),
  ...whenFields,
  start: dateSchema.optional().meta({ description: 'date it was started' }),
  stop: dateSchema.optional().meta({ description: 'date it was stopped' }),
  start_day: daySchema.optional(),
  stop_day: daySchema.optional(),
  doses: z
    .array(z.strictObject({ ...whenFields, dose: textSchema, notes: textSchema.optional() }))
    .optional()
    .meta({ description: 'the dose history: each dose from when it was given' }),
  notes: textSchema.optional(),
});

/** A dated result: an image, a laboratory value, a physiological measurement. */
const finding = z.strictObject({
  ...whenFields,
  kind: z.enum(E.FINDING_KINDS),
  name: textSchema,
  result: textSchema.optional().meta({ description: 'the result in words' }),
  value: z.number().optional(),
  unit: textSchema.optional(),
  reference_range: textSchema.optional(),
  notes: textSchema.optional(),
});

const adverseEvent = z.strictObject({
  event: textSchema,
  ...whenFields,
  start: dateSchema.optional().meta({ description: 'date it began (as `date`)' }),
  end: dateSchema.optional().meta({ description: 'date it ended' }),
  end_day: daySchema.optional().meta({ description: 'day it ended, in days since the start of the first round' }),
  round: z.string().optional().meta({ description: 'id of the round it followed' }),
  serious: z.boolean().optional().meta({ description: 'serious as ICH E2A defines it; give the `criteria` it meets' }),
  criteria: z
    .array(z.enum(E.SERIOUSNESS_CRITERIA))
    .min(1)
    .optional()
    .meta({ description: 'ICH E2A seriousness criteria met (with serious: true)' }),
  grade: z.int().min(1).max(5).optional().meta({ description: 'CTCAE grade 1-5' }),
  severity: z.enum(E.SEVERITIES).optional(),
  causality: z.enum(E.CAUSALITY).optional().meta({ description: 'WHO-UMC causality category (instead of `related`)' }),
  related: z.enum(E.RELATEDNESS).optional(),
  expected: z.boolean().optional().meta({ description: 'whether the event is a known effect of the treatment' }),
  action_taken: z.enum(E.ACTIONS_TAKEN).optional().meta({ description: 'what was done with the treatment' }),
  outcome: textSchema
    .optional()
    .meta({ description: 'recovered, recovering, not-recovered, recovered-with-sequelae, fatal, unknown, or text' }),
  notes: textSchema.optional(),
});

/** The case file, format version 1: the one source of the types, the checks and the JSON Schema. */
export const caseSchema = z.strictObject({
  casereport: z.literal(1, { message: 'expected format version 1 (casereport: 1)' }),
  id: z
    .string()
    .max(MAX_ID_LENGTH)
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      message: 'expected lower-case letters, digits and dashes, starting with a letter or digit',
    })
    .meta({ description: `names the output files; at most ${MAX_ID_LENGTH} characters` }),
  title: textSchema.optional(),
  language: z.enum(E.LANGUAGES).default('en'),
  keywords: textListSchema.min(2).max(5).optional(),
  abstract: z
    .union([
      textSchema,
      z.strictObject({ background: textSchema.optional(), case: textSchema.optional(), conclusions: textSchema.optional() }),
    ])
    .optional()
    .meta({ description: "the author's abstract (replaces the generated one): text, or background, case and conclusions" }),
  case_presentation: textSchema.optional().meta({ description: "the author's presentation of the case, in prose" }),
  learning_points: textListSchema.optional(),
  references: z.array(reference).optional().meta({ description: 'cited in prose fields as [@id]; numbered in order of first citation' }),
  report: z
    .strictObject({
      authors: z.array(person).optional(),
      date: dateSchema.optional(),
      conflicts_of_interest: textSchema.optional(),
      funding: textSchema.optional(),
      round_term: roundTerm.optional(),
    })
    .optional(),
  patient,
  condition,
  comorbidities: z
    .array(
      z.strictObject({
        name: textSchema,
        onset: dateSchema.optional(),
        onset_day: daySchema.optional(),
        notes: textSchema.optional(),
      }),
    )
    .optional()
    .meta({ description: 'other conditions beside the main one' }),
  findings: z.array(finding).optional().meta({ description: 'dated imaging, laboratory and physiological results' }),
  facility: z
    .strictObject({ name: textSchema.optional(), city: textSchema.optional(), country: textSchema.optional() })
    .optional(),
  regulatory: z
    .strictObject({
      status: z.enum(E.REGULATORY_STATUSES).default('unknown'),
      registration: textSchema.optional(),
      ethics_approval: textSchema.optional(),
      cost: textSchema.optional(),
    })
    .optional(),
  rounds: z.array(round).min(1, { message: 'a case needs at least one treatment round' }),
  assessments: z.array(assessmentSchema).optional(),
  instruments: z.array(instrumentSchema).optional(),
  medications: z.array(medication).optional(),
  adverse_events: z
    .union([z.array(adverseEvent), z.literal('not-reported')])
    .meta({ description: '[] states that none were observed; not-reported says the source does not tell' }),
  follow_up: z.strictObject({ ...whenFields, notes: textSchema.optional() }).optional(),
  events: z.array(z.strictObject({ ...whenFields, event: textSchema })).optional(),
  patient_perspective: z
    .strictObject({ statement: textSchema.optional(), expectations: z.union([textSchema, textListSchema]).optional() })
    .optional(),
  discussion: z
    .strictObject({
      context: textSchema.optional(),
      concerns_raised: textListSchema.optional(),
      limitations: textListSchema.optional(),
      lessons: z.union([textSchema, textListSchema]).optional(),
      text: z.union([textSchema, textListSchema]).optional().meta({ description: "the author's discussion: text, or a list of paragraphs" }),
      references: textListSchema.optional(),
    })
    .optional(),
  consent: z
    .strictObject({
      obtained: z.boolean().optional(),
      type: z.enum(E.CONSENT_TYPES).optional(),
      date: dateSchema.optional(),
      scope: textSchema.optional(),
    })
    .optional(),
  figures: z
    .array(
      z.strictObject({
        file: z.string().min(1).meta({ description: 'PNG, JPEG, GIF or WebP image, relative to the case file, in its folder or below' }),
        caption: textSchema,
        alt: textSchema.optional().meta({ description: 'text for readers who cannot see the image; default: the caption' }),
        ...whenFields,
      }),
    )
    .optional(),
  provenance: z
    .strictObject({ kind: z.enum(E.PROVENANCE_KINDS).optional(), author: textSchema.optional(), notes: textSchema.optional() })
    .optional(),
});

/** A case file after validation (defaults applied). */
export type CaseFile = z.output<typeof caseSchema>;
export type Round = CaseFile['rounds'][number];
export type Observation = z.output<typeof observationSchema>;
export type Assessment = NonNullable<CaseFile['assessments']>[number];
export type InstrumentDefinition = NonNullable<CaseFile['instruments']>[number];
export type AdverseEvent = Exclude<CaseFile['adverse_events'], 'not-reported'>[number];
export type Finding = NonNullable<CaseFile['findings']>[number];
export type Medication = NonNullable<CaseFile['medications']>[number];
