#!/usr/bin/env node
// Markdown throughput: one `casereport render` process over N generated case files.
// Usage: node bench/markdown.mjs [N=1000] [kind=mix|steven-sci|sci-assessments|minimal]   (run `npm run build` first)
// Prints cases per second (whole process, start-up included) and peak memory where /usr/bin/time exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateCases } from './generate-cases.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const count = Number(process.argv[2] ?? 1000);
const kind = process.argv[3] ?? 'mix';
const work = join(ROOT, 'bench', 'out');
// The cases are kept between runs: writing or deleting ten thousand files keeps the disk busy for
// seconds afterwards, which would be measured as casereport's time.
const cases = join(work, `cases-${kind}-${count}`);
if (!existsSync(join(cases, '.complete'))) {
  generateCases(cases, count, kind);
  writeFileSync(join(cases, '.complete'), '');
}
const out = join(work, `md-${process.pid}`);
execFileSync('sync');
await sleep(2000);

const cli = [join(ROOT, 'bin', 'casereport.js'), 'render', cases, '--format', 'md', '--out-dir', out, '--quiet'];
const timed = existsSync('/usr/bin/time');
const command = timed ? '/usr/bin/time' : process.execPath;
const args = timed ? ['-f', 'peak-rss-kb %M', process.execPath, ...cli] : cli;
const started = process.hrtime.bigint();
const run = spawnSync(command, args, { encoding: 'utf8' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const written = readdirSync(out).filter((f) => f.endsWith('.md')).length;
rmSync(out, { recursive: true, force: true });
const peak = /peak-rss-kb (\d+)/.exec(run.stderr)?.[1];
console.log(`markdown (${kind}): ${written}/${count} cases in ${seconds.toFixed(2)} s = ${(written / seconds).toFixed(0)} cases/s` +
  (peak ? `, peak memory ${(Number(peak) / 1024).toFixed(0)} MB` : ''));
if (written !== count) process.exit(1);
