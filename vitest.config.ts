import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests of the source (`npm run test:unit`), and end-to-end tests that
// build first and run the command line and Chromium as a user would (`npm run test:e2e`).
const END_TO_END = ['test/cli/**/*.test.ts', 'test/pdf/printer.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The JSON report lets CI print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'coverage/test-results.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: END_TO_END } },
      { extends: true, test: { name: 'e2e', include: END_TO_END, globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
