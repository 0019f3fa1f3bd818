#!/usr/bin/env node
// Scale of `casereport series`: N case files (the series example's six, with new ids and shifted
// scores), a series over them, side by side with rendering the same cases to JSON (the bare
// baseline doing the same reading, validating and modelling). Reports wall time and peak RSS
// (GNU time). Usage: node bench/series-scale.mjs [N ...]   (default 1000 10000)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { CLI, ROOT } from './lib.mjs';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const casesDir = join(ROOT, 'examples', 'series', 'cases');
const sources = readdirSync(casesDir).map((f) => parse(readFileSync(join(casesDir, f), 'utf8')));

/** Wall seconds and peak resident set size (MB) of one command, from GNU time. */
function run(args) {
  try {
    execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', '/tmp/series-scale.time', process.execPath, CLI, ...args], { stdio: 'ignore' });
  } catch (error) {
    throw new Error(`failed: casereport ${args.join(' ')}: ${error.message}`);
  }
  const [seconds, kb] = readFileSync('/tmp/series-scale.time', 'utf8').trim().split(/\s+/).map(Number);
  return { seconds, mb: Math.round(kb / 1024) };
}

for (const n of sizes.length > 0 ? sizes : [1000, 10000]) {
  const dir = join(ROOT, 'bench', 'out', `series-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'cases'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const c = structuredClone(sources[i % sources.length]);
    c.id = `s${String(i).padStart(6, '0')}`;
    c.patient.label = `Patient ${i}`;
    for (const a of c.assessments ?? []) if (typeof a.score === 'number' && a.day > 0) a.score = Math.min(100, a.score + (i % 7) - 3);
    writeFileSync(join(dir, 'cases', `${c.id}.yaml`), stringify(c));
  }
  writeFileSync(
    join(dir, 'series.yaml'),
    readFileSync(join(ROOT, 'examples', 'series', 'series.yaml'), 'utf8').replace(/^id: .*$/m, `id: scale-${n}`),
  );
  const series = run(['series', join(dir, 'series.yaml'), '--format', 'json,md,csv', '--out-dir', join(dir, 'out')]);
  const render = run(['render', join(dir, 'cases'), '--format', 'json', '--out-dir', join(dir, 'json'), '--quiet']);
  const fromJson = join(dir, 'series-json.yaml');
  writeFileSync(fromJson, readFileSync(join(dir, 'series.yaml'), 'utf8').replace('  - cases/', '  - json/'));
  const seriesFromJson = run(['series', fromJson, '--format', 'json', '--out-dir', join(dir, 'out-json')]);
  console.log(
    `${n} cases: series (json,md,csv) ${series.seconds} s, peak ${series.mb} MB; ` +
      `render --format json ${render.seconds} s, peak ${render.mb} MB (series/render ${(series.seconds / render.seconds).toFixed(2)}x); ` +
      `series from the JSON outputs ${seriesFromJson.seconds} s, peak ${seriesFromJson.mb} MB`,
  );
}
