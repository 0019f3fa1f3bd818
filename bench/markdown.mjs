#!/usr/bin/env node
// Markdown throughput: one `casereport render` process over N generated case files.
// Usage: node bench/markdown.mjs [N=1000] [kind=mix|steven-sci|sci-assessments|minimal] [--runs R] [--against DIR]
//   (run `npm run build` first). Prints cases per second (whole process, start-up included) and peak
//   memory where /usr/bin/time exists; the median of R runs (default 1).
//   --against DIR: also runs the casereport checked out and built in DIR (another commit, say),
//   alternating with this one on the same cases, so the two are compared side by side in one run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { generateCases } from './generate-cases.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string' }, against: { type: 'string' } } });
const count = Number(positionals[0] ?? 1000);
const kind = positionals[1] ?? 'mix';
const runs = Number(values.runs ?? (values.against ? 3 : 1));
const builds = [
  { name: 'this checkout', root: ROOT },
  ...(values.against ? [{ name: values.against, root: resolve(values.against) }] : []),
];
const work = join(ROOT, 'bench', 'out');
// The cases are kept between runs: writing or deleting ten thousand files keeps the disk busy for
// seconds afterwards, which would be measured as casereport's time.
const cases = join(work, `cases-${kind}-${count}`);
if (!existsSync(join(cases, '.complete'))) {
  generateCases(cases, count, kind);
  writeFileSync(join(cases, '.complete'), '');
}

/** One timed run of one build; its output is deleted afterwards. */
async function timedRun(root) {
  const out = join(work, `md-${process.pid}`);
  execFileSync('sync');
  await sleep(2000);
  const cli = [join(root, 'bin', 'casereport.js'), 'render', cases, '--format', 'md', '--out-dir', out, '--quiet'];
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const args = timed ? ['-f', 'peak-rss-kb %M', process.execPath, ...cli] : cli;
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${root}: ${run.stderr}`);
  const written = readdirSync(out).filter((f) => f.endsWith('.md')).length;
  rmSync(out, { recursive: true, force: true });
  if (written !== count) throw new Error(`${root}: wrote ${written} of ${count} reports`);
  const peak = /peak-rss-kb (\d+)/.exec(run.stderr)?.[1];
  return { seconds, peakMb: peak ? Number(peak) / 1024 : undefined };
}

const results = builds.map(() => []);
for (let r = 0; r < runs; r++) {
  for (const [i, build] of builds.entries()) results[i].push(await timedRun(build.root));
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
for (const [i, build] of builds.entries()) {
  const seconds = median(results[i].map((r) => r.seconds));
  const peaks = results[i].map((r) => r.peakMb).filter((p) => p !== undefined);
  const each = runs > 1 ? ` (runs: ${results[i].map((r) => r.seconds.toFixed(2)).join(', ')} s)` : '';
  console.log(
    `markdown (${kind}, ${build.name}): ${count} cases in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} cases/s` +
      (peaks.length ? `, peak memory ${Math.max(...peaks).toFixed(0)} MB` : '') +
      each,
  );
}
if (builds.length === 2) {
  const ratio = median(results[1].map((r) => r.seconds)) / median(results[0].map((r) => r.seconds));
  console.log(`this checkout is ${ratio.toFixed(2)}× as fast as ${builds[1].name} on these cases`);
}
