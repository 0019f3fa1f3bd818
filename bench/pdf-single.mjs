#!/usr/bin/env node
// One report to PDF, whole process, against md-to-pdf on the Markdown of the same report.
// Usage: node bench/pdf-single.mjs [runs=5]   (after `npm run build`; installs md-to-pdf into bench/out/peer)
// Runs alternate between the tools so both see the same machine; medians are reported.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, casereportBrowser, ensurePeer, median, timeCommand } from './lib.mjs';

const runs = Number(process.argv[2] ?? 5);
const work = join(ROOT, 'bench', 'out', 'pdf-single');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const mdToPdf = ensurePeer('md-to-pdf@5', 'md-to-pdf');
const example = join(ROOT, 'examples', 'steven-sci.yaml');
timeCommand(process.execPath, [CLI, 'render', example, '--format', 'md', '--out-dir', work, '-q']);
const markdown = join(work, 'steven-sci.md');

const ours = casereportBrowser();
const fullBrowser = ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p)) ?? ours;
const peers = [
  { label: `md-to-pdf with ${fullBrowser} (a full browser, like its default Chrome)`, browser: fullBrowser },
  ...(ours && ours !== fullBrowser ? [{ label: `md-to-pdf with ${ours} (the browser casereport uses)`, browser: ours }] : []),
];

const times = { casereport: [], ...Object.fromEntries(peers.map((p) => [p.label, []])) };
for (let i = 0; i < runs; i++) {
  times.casereport.push(timeCommand(process.execPath, [CLI, 'render', example, '--format', 'pdf', '--out-dir', work, '-q']));
  for (const peer of peers) {
    const launch = JSON.stringify({ executablePath: peer.browser, args: ['--no-sandbox'] });
    times[peer.label].push(timeCommand(mdToPdf, [markdown, '--launch-options', launch], { cwd: work }));
  }
}
const ourMedian = median(times.casereport);
console.log(
  `casereport render examples/steven-sci.yaml --format pdf (browser ${ours}): median ${ourMedian.toFixed(2)} s of ${runs} [${times.casereport.map((t) => t.toFixed(2)).join(', ')}]`,
);
for (const peer of peers) {
  const m = median(times[peer.label]);
  console.log(
    `${peer.label}: median ${m.toFixed(2)} s [${times[peer.label].map((t) => t.toFixed(2)).join(', ')}] -> casereport takes ${(ourMedian / m).toFixed(2)} of its time`,
  );
}
