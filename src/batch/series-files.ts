import { buildSeriesModel } from '../core/series/build-series.js';
import { checkSeries, type SeriesCheckReport } from '../core/series/check-series.js';
import { readCaseSource } from '../io/read-case.js';
import { loadSeries, type SeriesFileProblem } from '../io/read-series.js';
import { translator } from '../text/translator.js';

/** Whether a file is a series file: it names the series format version (`casereport_series:`) at the top level. */
export function looksLikeSeriesFile(path: string): boolean {
  try {
    return /^casereport_series\s*:/m.test(readCaseSource({ kind: 'file', path }).text);
  } catch {
    return false;
  }
}

/** Reads a series and its cases and judges it against PROCESS 2023, Kempen 2011 and Murad 2018. */
export async function checkSeriesFile(
  path: string,
): Promise<{ ok: true; report: SeriesCheckReport } | { ok: false; problems: SeriesFileProblem[] }> {
  const tr = translator();
  const loaded = await loadSeries(path, { translator: tr });
  if (loaded.problems.length > 0 || !loaded.series) return { ok: false, problems: loaded.problems };
  return { ok: true, report: checkSeries(loaded.series, buildSeriesModel(loaded.series, loaded.summaries, tr)) };
}

/** Reads a series and its cases: every problem, none written. */
export async function validateSeriesFile(path: string): Promise<SeriesFileProblem[]> {
  return (await loadSeries(path)).problems;
}
