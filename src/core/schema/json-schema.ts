import { z } from 'zod';
import { seriesSchema } from '../series/series-schema.js';
import { caseSchema } from './case-schema.js';

/** A stable identifier for the format version (not a URL: the schema ships with the package). */
export const SCHEMA_ID = 'urn:casereport:case-format:1';

/** The JSON Schema of the case file format, generated from the one zod schema, for editors. */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(caseSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'casereport case file, format version 1',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The JSON Schema of the series file format. */
export function buildSeriesJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(seriesSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:casereport:series-format:1',
    title: 'casereport series file, format version 1',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
