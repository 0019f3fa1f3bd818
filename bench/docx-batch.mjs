#!/usr/bin/env node
// Word batch throughput and memory: `casereport render` of N generated cases to docx, side by side
// in one run with the same cases to md and to pdf, each the best of `rounds` runs.
// Usage: node bench/docx-batch.mjs [N=200] [rounds=2]   (after `npm run build`)
// Peak memory is the resident high-water mark of the casereport process (its render threads
// included; Chromium, a process of its own, is not), read from /proc while it runs.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT } from './lib.mjs';
import { generateCases } from './generate-cases.mjs';

const count = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 2);
const work = join(ROOT, 'bench', 'out', 'docx-batch');
const cases = join(work, 'cases');
generateCases(cases, count);

/** Runs one render; resolves with its wall time (s) and peak resident memory (MB). */
function run(format) {
  const out = join(work, format);
  rmSync(out, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'render', cases, '--format', format, '--out-dir', out, '-q', '--force'], {
      stdio: 'inherit',
    });
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        peakKb = Math.max(peakKb, Number(hwm?.[1] ?? 0));
      } catch {
        // the process has just ended
      }
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`render --format ${format} exited ${code}`));
      const written = readdirSync(out).filter((f) => f.endsWith(`.${format}`)).length;
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peakKb / 1024, written });
    });
  });
}

const best = {};
for (let round = 1; round <= rounds; round++) {
  for (const format of ['md', 'docx', 'pdf']) {
    const result = await run(format);
    if (result.written !== count) throw new Error(`${format}: ${result.written} of ${count} files written`);
    if (!best[format] || result.seconds < best[format].seconds) best[format] = result;
  }
}
console.log(`${count} cases (the three examples in turn), best of ${rounds} runs each:`);
for (const [format, r] of Object.entries(best)) {
  console.log(
    `  ${format.padEnd(4)} ${r.seconds.toFixed(1).padStart(6)} s  ${(count / r.seconds).toFixed(1).padStart(6)} cases/s  peak ${r.peakMb.toFixed(0)} MB`,
  );
}
console.log(
  `  docx/md time ${(best.docx.seconds / best.md.seconds).toFixed(2)}×, docx/pdf time ${(best.docx.seconds / best.pdf.seconds).toFixed(2)}×`,
);
