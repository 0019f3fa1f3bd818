import { describe, expect, it } from 'vitest';
import { BUILT_IN_INSTRUMENTS } from '../../../src/core/instruments/registry.js';

const YEAR = /\b(?:19|20)\d{2}\b/;
/** The year of a Vancouver journal reference: "... Journal. 2013;35(21):1808-13." */
const REFERENCE_YEAR = /\.\s((?:19|20)\d{2});/;

const withMcid = BUILT_IN_INSTRUMENTS.flatMap((i) => (i.mcid ? [[i.id, i.mcid] as const] : []));
const fromPapers = withMcid.filter(([, mcid]) => YEAR.test(mcid.source));

describe('the references of the built-in thresholds', () => {
  it('covers some thresholds taken from papers', () => {
    expect(fromPapers.length).toBeGreaterThan(0);
  });

  it.each(fromPapers)('%s has full references, the first from the year of its source', (_id, mcid) => {
    expect(mcid.references?.length ?? 0).toBeGreaterThan(0);
    const references = mcid.references ?? [];
    for (const reference of references) expect(reference).toMatch(/(?:\.|doi:\S+)$/);
    const sourceYear = YEAR.exec(mcid.source)?.[0];
    expect(REFERENCE_YEAR.exec(references[0] ?? '')?.[1]).toBe(sourceYear);
  });

  it.each(withMcid.filter(([, mcid]) => !YEAR.test(mcid.source)))('%s, whose source is no paper, gives no references', (_id, mcid) => {
    expect(mcid.references).toBeUndefined();
  });
});
