// Shared helpers for the benchmark scripts: timing whole processes and summarising runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const CLI = join(ROOT, 'bin', 'casereport.js');

/** Runs a command and returns its wall time in seconds (exits the script if it fails). */
export function timeCommand(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  return seconds;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The browser casereport would pick, as its doctor reports it. */
export function casereportBrowser() {
  const run = spawnSync(process.execPath, [CLI, 'doctor'], { encoding: 'utf8' });
  return /browser\s+(\S+)/.exec(run.stdout)?.[1];
}

/** Installs a peer tool into bench/out/peer (outside the project's dependencies) once. */
export function ensurePeer(pkg, bin) {
  const prefix = join(ROOT, 'bench', 'out', 'peer');
  const path = join(prefix, 'node_modules', '.bin', bin);
  if (!existsSync(path)) {
    console.log(`installing ${pkg} into bench/out/peer (not a dependency of casereport) …`);
    const run = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', pkg], {
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
  }
  return path;
}
