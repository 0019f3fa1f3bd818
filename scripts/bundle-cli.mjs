#!/usr/bin/env node
// Bundles the command-line program (bin/casereport.js) and its render thread into dist/bundle/,
// from what tsc wrote into dist/. Run by `npm run build`, after tsc and the template precompiler.
//
// Why: loading some 140 separate modules (ours, zod's, commander's...) is most of casereport's
// start-up, and every batch render thread pays it again. A bundle is a few files: one render of
// one case took 0.29 against 0.41 s (node bin/casereport.js render examples/minimal.yaml, 4 runs).
// The library (`import 'casereport'`, dist/index.js) stays unbundled.
//
// The bundle sits at the same depth as dist/<folder>/ modules, so the paths they find from their
// own location (templates/, package.json, the render thread, the precompiled templates) hold.
// Packages loaded only on first use (isncsci, tinyglobby, Handlebars' compiler) are loaded
// with require() and stay outside, as does the browser driver (PDF only).
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const out = dist('bundle');
rmSync(out, { recursive: true, force: true });
await build({
  input: { main: dist('cli/main.js'), 'batch-worker': dist('batch/batch-worker.js') },
  platform: 'node',
  // The browser driver (PDF only) and the Word writer with its native rasterizer (docx only) stay outside.
  external: [/^puppeteer-core(\/|$)/, /^@resvg\//, /^docx(\/|$)/],
  logLevel: 'warn',
  output: { dir: out, format: 'esm', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
});
cpSync(dist('render/precompiled'), dist('bundle/precompiled'), { recursive: true });
console.log(`bundled the command line into ${out}`);
