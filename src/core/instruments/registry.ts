/** What is known about how large a change in an instrument must be to matter. */
export interface Mcid {
  /** Points of change that matter (in the direction of improvement unless `worsening` is given). */
  value: number;
  /** Points of worsening that matter, where published separately. */
  worsening?: number;
  /** `mcid`: minimal clinically important difference; `mdc`: minimal detectable change. */
  kind: 'mcid' | 'mdc';
  /** A threshold that depends on the baseline (EDSS). */
  rule?: 'edss';
  source: string;
  note?: string;
}

/** One instrument: its range, direction and published thresholds. */
export interface Instrument {
  id: string;
  name: string;
  range: [number, number];
  step: number;
  higherIsBetter: boolean;
  subscores?: Record<string, [number, number]>;
  mcid?: Mcid;
  /** Why no threshold is given, where none is. */
  noMcidReason?: string;
  unit?: string;
  builtIn: boolean;
}

/** The built-in instruments of the case file format, version 1. */
export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = [
  {
    id: 'isncsci',
    name: 'International Standards for Neurological Classification of SCI (ISNCSCI)',
    range: [0, 112],
    step: 1,
    higherIsBetter: true,
    noMcidReason: 'no minimal clinically important difference is established for the ISNCSCI motor or sensory totals',
    builtIn: true,
  },
  {
    id: 'scim-iii',
    name: 'Spinal Cord Independence Measure III (SCIM III)',
    range: [0, 100],
    step: 1,
    higherIsBetter: true,
    subscores: { self_care: [0, 20], respiration_sphincter: [0, 40], mobility: [0, 40] },
    mcid: {
      value: 4,
      kind: 'mcid',
      source: 'Scivoletto G et al. 2013, Arch Phys Med Rehabil (4 points small, 10 points substantial); Corallo V et al. 2017 anchor-based estimates',
      note: '10 points is a substantial difference',
    },
    builtIn: true,
  },
  {
    id: 'wisci-ii',
    name: 'Walking Index for Spinal Cord Injury II (WISCI II)',
    range: [0, 20],
    step: 1,
    higherIsBetter: true,
    mcid: {
      value: 1,
      kind: 'mcid',
      source: 'Burns AS et al. 2011, Neurorehabil Neural Repair; Ditunno JF et al.',
      note: 'one level in chronic injury; two levels are suggested in acute injury',
    },
    builtIn: true,
  },
  {
    id: 'fim',
    name: 'Functional Independence Measure (FIM)',
    range: [18, 126],
    step: 1,
    higherIsBetter: true,
    mcid: { value: 22, kind: 'mcid', source: 'Beninato M et al. 2006, Arch Phys Med Rehabil (stroke)' },
    builtIn: true,
  },
  {
    id: 'berg',
    name: 'Berg Balance Scale',
    range: [0, 56],
    step: 1,
    higherIsBetter: true,
    noMcidReason: 'no minimal clinically important difference is established across conditions for the Berg Balance Scale',
    builtIn: true,
  },
  {
    id: 'edss',
    name: 'Expanded Disability Status Scale (EDSS)',
    range: [0, 10],
    step: 0.5,
    higherIsBetter: false,
    mcid: {
      value: 1,
      kind: 'mcid',
      rule: 'edss',
      source: 'Kragt JJ et al. 2006, Mult Scler (1.0 from a baseline of 5.5 or less, 0.5 above)',
    },
    builtIn: true,
  },
  {
    id: 'alsfrs-r',
    name: 'Revised ALS Functional Rating Scale (ALSFRS-R)',
    range: [0, 48],
    step: 1,
    higherIsBetter: true,
    noMcidReason:
      'no minimal clinically important difference in points is established for the ALSFRS-R; clinicians judged a 20% change in slope meaningful (Castrillo-Viguera C et al. 2010)',
    builtIn: true,
  },
  {
    id: 'nihss',
    name: 'National Institutes of Health Stroke Scale (NIHSS)',
    range: [0, 42],
    step: 1,
    higherIsBetter: false,
    noMcidReason: 'no minimal clinically important difference is established for the NIHSS',
    builtIn: true,
  },
  {
    id: 'mrs',
    name: 'modified Rankin Scale (mRS)',
    range: [0, 6],
    step: 1,
    higherIsBetter: false,
    mcid: { value: 1, kind: 'mcid', source: 'one grade is the conventional clinically relevant change on the mRS' },
    builtIn: true,
  },
  {
    id: 'gmfm-66',
    name: 'Gross Motor Function Measure 66 (GMFM-66)',
    range: [0, 100],
    step: 0.1,
    higherIsBetter: true,
    noMcidReason: 'minimal clinically important differences for the GMFM-66 vary with level and age (Oeffinger D et al. 2008); none is applied here',
    builtIn: true,
  },
  {
    id: 'mds-updrs-iii',
    name: 'MDS-UPDRS Part III (motor examination)',
    range: [0, 132],
    step: 1,
    higherIsBetter: false,
    mcid: {
      value: 3.25,
      worsening: 4.63,
      kind: 'mcid',
      source: 'Horvath K et al. 2015, Parkinsonism Relat Disord (3.25 points improvement, 4.63 points worsening)',
    },
    builtIn: true,
  },
  {
    id: 'nrs-pain',
    name: 'Numeric Rating Scale for pain (NRS)',
    range: [0, 10],
    step: 1,
    higherIsBetter: false,
    mcid: { value: 2, kind: 'mcid', source: 'Farrar JT et al. 2001, Pain (2 points or 30%)' },
    builtIn: true,
  },
];
