#!/usr/bin/env node
// The command line runs from a bundle of dist/ (see scripts/bundle-cli.mjs): it starts faster.
// With --verbose, stack traces of internal errors point into dist/ through the bundle's source maps.
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
await import('../dist/bundle/main.js');
