import { describe, expect, it } from 'vitest';
import { describeThreshold, listInstruments, summarizeInstrument } from '../../../src/core/instruments/describe.js';
import {
  buildInstrumentTable,
  formatAmount,
  isMeaningful,
  measureLabel,
  rangeOf,
  thresholdFor,
} from '../../../src/core/instruments/lookup.js';
import { BUILT_IN_INSTRUMENTS, type Instrument, type Mcid } from '../../../src/core/instruments/registry.js';

const FORMAT_IDS = [
  'isncsci',
  'scim-iii',
  'wisci-ii',
  'fim',
  'berg',
  'edss',
  'alsfrs-r',
  'nihss',
  'mrs',
  'gmfm-66',
  'mds-updrs-iii',
  'nrs-pain',
  '10mwt',
  '6mwt',
  'tug',
  'fact',
  'barthel',
  'fac',
  'mas',
  'fugl-meyer-ue',
  'fugl-meyer-le',
];

const get = (id: string): Instrument => {
  const found = BUILT_IN_INSTRUMENTS.find((i) => i.id === id);
  if (!found) throw new Error(`no built-in ${id}`);
  return found;
};
const mcidOf = (id: string): Mcid => {
  const mcid = get(id).mcid;
  if (!mcid) throw new Error(`${id} has no MCID`);
  return mcid;
};

describe('the built-in registry', () => {
  it('holds exactly the instruments of the case file format, each once', () => {
    expect(BUILT_IN_INSTRUMENTS.map((i) => i.id)).toEqual(FORMAT_IDS);
  });

  it.each(BUILT_IN_INSTRUMENTS.map((i) => [i.id, i] as const))(
    '%s has a valid range, step, short name and a threshold or a reason',
    (_id, i) => {
      expect(i.built_in).toBe(true);
      expect(i.short.length).toBeGreaterThan(0);
      expect(i.step).toBeGreaterThan(0);
      // A scale: a range, the levels of an ordinal scale, or a unit for a measure without a fixed maximum.
      expect(Boolean(i.range) || Boolean(i.levels) || Boolean(i.unit)).toBe(true);
      if (i.levels) expect(new Set(i.levels).size).toBe(i.levels.length);
      const range = i.range;
      if (range) {
        expect(range[0]).toBeLessThan(range[1]);
        const steps = (range[1] - range[0]) / i.step;
        expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
      }
      // The built-in subscores divide the total between them: their ranges add up to its range.
      const parts = Object.values(i.subscores ?? {});
      for (const [min, max] of parts) expect(min).toBeLessThan(max);
      if (range && parts.length > 0) {
        expect(parts.reduce((sum, [min]) => sum + min, 0)).toBe(range[0]);
        expect(parts.reduce((sum, [, max]) => sum + max, 0)).toBe(range[1]);
      }
      for (const key of Object.keys(i.subscores ?? {})) expect(i.subscore_labels?.[key], key).toBeTruthy();
      // Either a threshold with a source, or the reason none is given: never both, never neither.
      expect(Boolean(i.mcid) !== Boolean(i.no_mcid_reason)).toBe(true);
      if (i.mcid) {
        expect(i.mcid.value).toBeGreaterThan(0);
        expect(i.mcid.source).toMatch(/\d{4}|convention/);
      } else {
        expect(i.no_mcid_reason).toMatch(/no (single )?minimal clinically important difference|vary/);
      }
    },
  );

  it('matches the directions and ranges of the format document', () => {
    const shape = Object.fromEntries(BUILT_IN_INSTRUMENTS.map((i) => [i.id, [...(i.range ?? []), i.higher_is_better]]));
    expect(shape).toMatchObject({
      'scim-iii': [0, 100, true],
      'wisci-ii': [0, 20, true],
      fim: [18, 126, true],
      berg: [0, 56, true],
      edss: [0, 10, false],
      'alsfrs-r': [0, 48, true],
      nihss: [0, 42, false],
      mrs: [0, 6, false],
      'gmfm-66': [0, 100, true],
      'mds-updrs-iii': [0, 132, false],
      'nrs-pain': [0, 10, false],
    });
    expect(get('edss').step).toBe(0.5);
    expect(get('scim-iii').subscores).toEqual({ self_care: [0, 20], respiration_sphincter: [0, 40], mobility: [0, 40] });
  });

  it('gives SCIM III an MCID of 4 points (10 substantial) from Scivoletto 2013, and names the anchor-based estimates', () => {
    const scim = get('scim-iii');
    expect(scim.mcid).toMatchObject({ value: 4, substantial: 10, kind: 'mcid' });
    expect(scim.mcid?.source).toMatch(/^Scivoletto G et al\. 2013, Disabil Rehabil/);
    expect(scim.mcid?.note).toContain('Corallo V et al. 2017');
    expect(scim.subscore_no_mcid_reason).toContain('Corallo');
  });

  it('gives WISCI II a smallest real difference of 1 level (2 in acute injury), as an MDC, not an MCID', () => {
    const wisci = get('wisci-ii');
    expect(wisci.mcid).toMatchObject({ value: 1, kind: 'mdc' });
    expect(wisci.mcid?.source).toContain('Burns AS et al. 2011');
    expect(wisci.mcid?.note).toMatch(/2 levels in acute.*Scivoletto G et al\. 2014/);
    expect(formatAmount(1, wisci)).toBe('1 level');
    expect(formatAmount(2, wisci)).toBe('2 levels');
  });

  it('says that no MCID is established for the ISNCSCI totals, and gives each total its own range', () => {
    const isncsci = get('isncsci');
    expect(isncsci.mcid).toBeUndefined();
    expect(isncsci.no_mcid_reason).toContain('ISNCSCI');
    expect(rangeOf(isncsci, 'uems')).toEqual([0, 50]);
    expect(rangeOf(isncsci, 'motor_total')).toEqual([0, 100]);
    expect(rangeOf(isncsci, 'pp_total')).toEqual([0, 112]);
    expect(measureLabel(isncsci, 'isncsci', 'lems')).toBe('Lower extremity motor score (LEMS)');
  });
});

describe('thresholds', () => {
  it('keeps the asymmetric MDS-UPDRS III thresholds of Horváth 2015: 3.25 better, 4.63 worse', () => {
    const updrs = get('mds-updrs-iii');
    expect(updrs.mcid?.source).toContain('Horváth K et al. 2015');
    expect(thresholdFor(mcidOf('mds-updrs-iii'), 30, true)).toBe(3.25);
    expect(thresholdFor(mcidOf('mds-updrs-iii'), 30, false)).toBe(4.63);
    expect(isMeaningful(updrs, 30, -3.25)).toBe(true);
    expect(isMeaningful(updrs, 30, -3)).toBe(false);
    expect(isMeaningful(updrs, 30, 4)).toBe(false);
    expect(isMeaningful(updrs, 30, 5)).toBe(true);
  });

  it('applies the EDSS rule of Kragt 2006: 1.0 from a baseline of 5.5 or less, 0.5 above', () => {
    const edss = get('edss');
    expect(edss.mcid?.source).toContain('Kragt JJ et al. 2006');
    expect(thresholdFor(mcidOf('edss'), 5.5, false)).toBe(1);
    expect(thresholdFor(mcidOf('edss'), 6, false)).toBe(0.5);
    expect(isMeaningful(edss, 5.5, 0.5)).toBe(false);
    expect(isMeaningful(edss, 5.5, 1)).toBe(true);
    expect(isMeaningful(edss, 6, 0.5)).toBe(true);
    expect(isMeaningful(edss, 6, -0.5)).toBe(true);
  });

  it('treats one mRS grade as meaningful, and no change as not meaningful; null where there is no MCID', () => {
    expect(isMeaningful(get('mrs'), 3, -1)).toBe(true);
    expect(isMeaningful(get('mrs'), 3, 0)).toBe(false);
    expect(isMeaningful(get('berg'), 30, 20)).toBeNull();
    expect(isMeaningful(undefined, 30, 20)).toBeNull();
  });
});

describe('case-defined instruments', () => {
  const table = buildInstrumentTable([
    { id: 'grip', name: 'Grip strength', range: [0, 80], higher_is_better: true, mcid: 5, unit: 'kg' },
    { id: 'sway', name: 'Sway index', range: [0, 10], higher_is_better: false },
  ]);

  it('join the built-ins, with their unit, and a source that says where the threshold comes from', () => {
    const grip = table.get('grip');
    expect(grip).toMatchObject({ built_in: false, short: 'Grip strength', step: 1, mcid: { value: 5, kind: 'mcid' } });
    expect(grip?.mcid?.source).toContain('case file');
    expect(formatAmount(6, grip)).toBe('6 kg');
    expect(table.get('sway')?.no_mcid_reason).toBe('no minimal clinically important difference is given for Sway index');
    expect(
      listInstruments(table)
        .map((i) => i.id)
        .slice(-2),
    ).toEqual(['grip', 'sway']);
    expect(grip && describeThreshold(grip)).toContain('(defined in the case file)');
  });
});

describe('the words of `casereport instruments`', () => {
  it('summarize range, direction, parts and threshold', () => {
    expect(summarizeInstrument(get('scim-iii'))).toMatchObject({
      id: 'scim-iii',
      short: 'SCIM III',
      range: '0-100 in steps of 1',
      direction: 'higher is better',
      parts: 'self_care 0-20, respiration_sphincter 0-40, mobility 0-40',
    });
    expect(describeThreshold(get('scim-iii'))).toMatch(/^MCID 4 points \(substantial: 10 points\); Scivoletto/);
    expect(describeThreshold(get('mds-updrs-iii'))).toMatch(/^MCID 3\.25 points for improvement, 4\.63 points for worsening; Horváth/);
    expect(describeThreshold(get('edss'))).toMatch(/^MCID 1 point from a baseline of 5\.5 or less, 0\.5 points above; Kragt/);
    expect(describeThreshold(get('wisci-ii'))).toMatch(/^MDC \(smallest real difference\) 1 level; Burns/);
    expect(describeThreshold(get('nihss'))).toMatch(/^no MCID: no minimal clinically important difference is established for the NIHSS/);
  });
});
