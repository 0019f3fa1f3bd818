#!/usr/bin/env node
// How long `render --watch` takes from a save to the new report, for a file and a folder input.
// Usage: node bench/watch.mjs [saves=6]   (run `npm run build` first)
// Saves alternate between save-by-rename (as vim and many editors save) and a write in place; each
// save changes the patient's label, and the time is taken when the report holds the new label.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = new URL('..', import.meta.url).pathname;
const saves = Number(process.argv[2] ?? 6);

async function measure(input, dir) {
  const casePath = join(dir, 'case.yaml');
  writeFileSync(casePath, readFileSync(join(ROOT, 'examples', 'steven-sci.yaml'), 'utf8'));
  const outDir = join(dir, 'out');
  const report = join(outDir, 'steven-sci.md');
  const cli = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'casereport.js'), 'render', input, '--watch', '--format', 'md', '--out-dir', outDir],
    {
      stdio: 'ignore',
    },
  );
  while (!existsSync(report)) await sleep(20);
  await sleep(1500);
  const times = [];
  for (let i = 0; i < saves; i++) {
    const text = readFileSync(casePath, 'utf8').replace(/label: (Steven|Edit\d+)/, `label: Edit${i}`);
    const started = performance.now();
    if (i % 2 === 0) {
      writeFileSync(`${casePath}.tmp`, text);
      renameSync(`${casePath}.tmp`, casePath);
    } else {
      writeFileSync(casePath, text);
    }
    while (!readFileSync(report, 'utf8').includes(`Edit${i}`) && performance.now() - started < 10_000) await sleep(5);
    times.push(`${i % 2 === 0 ? 'rename' : 'in place'} ${Math.round(performance.now() - started)} ms`);
    await sleep(700);
  }
  const code = await new Promise((resolve) => {
    cli.on('exit', (c, signal) => resolve(c ?? signal));
    cli.kill('SIGINT');
  });
  return `${times.join(', ')}; Ctrl-C exit ${code}`;
}

for (const kind of ['file', 'folder']) {
  const dir = mkdtempSync(join(tmpdir(), 'casereport-watch-'));
  try {
    console.log(`${kind.padEnd(6)} input: ${await measure(kind === 'file' ? join(dir, 'case.yaml') : dir, dir)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
