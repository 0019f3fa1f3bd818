import { readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../src/core/model/build-model.js';
import { buildSeriesModel } from '../../../src/core/series/build-series.js';
import { translator } from '../../../src/text/translator.js';
import { loadSeries } from '../../../src/io/read-series.js';
import { ROOT, validOrThrow } from '../../helpers/cases.js';
import { tempDir } from '../../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'series', 'series.yaml');

async function exampleModel() {
  const loaded = await loadSeries(EXAMPLE);
  expect(loaded.problems).toEqual([]);
  if (!loaded.series) throw new Error('no series');
  return { loaded, model: buildSeriesModel(loaded.series, loaded.summaries, translator()) };
}

describe('the series model of the bundled example', () => {
  it('counts the flow at each time point: one case lost to follow-up, no imputation', async () => {
    const { model } = await exampleModel();
    expect(model.n_cases).toBe(6);
    expect(model.flow.included).toBe(6);
    expect(model.flow.time_points.map((t) => [t.label, t.assessed, t.lost])).toEqual([
      ['6 months', 5, 1],
      ['12 months', 5, 1],
      ['latest', 5, 1],
    ]);
    expect(model.flow.time_points.at(-1)?.lost_ids).toEqual(['p03']);
  });

  it('gives SCIM III at the latest assessment: spread, change and responders with a Wilson interval', async () => {
    const { model } = await exampleModel();
    const latest = model.outcomes.find((o) => o.time_point === 'latest');
    expect(latest).toMatchObject({ instrument: 'scim-iii', measure: 'total', n: 5 });
    expect(latest?.responders).toEqual({ k: 3, n: 5, proportion: 0.6, ci_low: 0.2307, ci_high: 0.8824 });
    // Changes +11, +3, +7, +5, -1: median 5, quartiles 3 and 7 (type 7).
    expect(latest?.change).toMatchObject({ n: 5, median: 5, q1: 3, q3: 7, mean: 5 });
    expect(latest?.cases.map((c) => [c.id, c.change, c.responder])).toEqual([
      ['p01', 11, true],
      ['p02', 3, false],
      ['p04', 7, true],
      ['p05', 5, true],
      ['p06', -1, false],
    ]);
  });

  it('counts adverse events over the cases that report them, and names the one that does not', async () => {
    const { model } = await exampleModel();
    expect(model.adverse_events).toMatchObject({
      reporting: 5,
      not_reported: ['p04'],
      with_any: { k: 2, n: 5, proportion: 0.4 },
      with_serious: { k: 1, n: 5, proportion: 0.2, ci_low: 0.0362, ci_high: 0.6245 },
    });
  });

  it('tables the AIS shift, and says what the data cannot show', async () => {
    const { model } = await exampleModel();
    expect(model.ais_shift?.n).toBe(5);
    expect(model.ais_shift?.improved).toMatchObject({ k: 1, n: 5 });
    expect(model.limitations.join(' ')).toContain('uncontrolled case series');
    expect(model.limitations.join(' ')).toContain('1 of 6 cases with a baseline had no assessment');
    expect(model.limitations.join(' ')).toContain('do not report adverse events');
  });

  it('is the same whatever the order of the cases', async () => {
    const { loaded, model } = await exampleModel();
    const reversed = buildSeriesModel(loaded.series as never, [...loaded.summaries].reverse(), translator());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(model));
  });

  it('is the same built from the cases’ JSON reports as from their YAML files', async () => {
    const { model } = await exampleModel();
    const dir = tempDir();
    mkdirSync(join(dir, 'json'));
    const cases = join(ROOT, 'examples', 'series', 'cases');
    for (const file of readdirSync(cases)) {
      const { caseFile, instruments } = validOrThrow(readFileSync(join(cases, file), 'utf8'));
      const report = buildReportModel(caseFile, instruments);
      writeFileSync(join(dir, 'json', file.replace(/\.yaml$/, '.json')), JSON.stringify(report));
    }
    copyFileSync(EXAMPLE, join(dir, 'series.yaml'));
    const text = readFileSync(join(dir, 'series.yaml'), 'utf8').replace('  - cases/', '  - json/');
    writeFileSync(join(dir, 'series.yaml'), text);
    const loaded = await loadSeries(join(dir, 'series.yaml'));
    expect(loaded.problems).toEqual([]);
    const fromJson = buildSeriesModel(loaded.series as never, loaded.summaries, translator());
    expect(JSON.stringify(fromJson)).toBe(JSON.stringify(model));
  });
});
