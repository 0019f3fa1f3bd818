// Writes N case files for benchmarks: the bundled examples with new ids and shifted values,
// so every file is different (no caching can help) but each is as rich as a real case.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const ROOT = new URL('..', import.meta.url).pathname;
const EXAMPLES = ['sci-assessments', 'steven-sci', 'minimal'];
const load = (name) => parse(readFileSync(join(ROOT, 'examples', `${name}.yaml`), 'utf8'));

/**
 * Creates `count` case files in `dir` (emptied first) and returns their paths. `kind` is `mix`
 * (the three examples in turn) or one example's name.
 */
export function generateCases(dir, count, kind = 'mix') {
  const SOURCES = (kind === 'mix' ? EXAMPLES : [kind]).map(load);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = [];
  for (let i = 0; i < count; i++) {
    const base = structuredClone(SOURCES[i % SOURCES.length]);
    base.id = `bench-${String(i).padStart(6, '0')}`;
    base.patient.label = `Patient ${i}`;
    if (base.patient.age !== undefined) base.patient.age = 20 + (i % 60);
    const path = join(dir, `${base.id}.yaml`);
    writeFileSync(path, stringify(base));
    paths.push(path);
  }
  return paths;
}
