import type { Instrument } from './types.js';

export type { Instrument, InstrumentMeasure, Mcid } from './types.js';

// Sources: each threshold names the study it comes from. Where the literature gives no single value
// (or only a population-specific one), `no_mcid_reason` says so: a report must not invent a threshold.
/** The neurological levels of the ISNCSCI, rostral to caudal. */
const NLI_LEVELS = [
  ...['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'],
  ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
  ...['L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3', 'S4_5'],
];

/** The built-in instruments of the case file format, version 1. */
export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = [
  {
    id: 'isncsci',
    short: 'ISNCSCI',
    name: 'International Standards for Neurological Classification of SCI (ISNCSCI)',
    range: [0, 112],
    step: 1,
    higher_is_better: true,
    measures: {
      uems: { label: 'Upper extremity motor score (UEMS)', range: [0, 50] },
      lems: { label: 'Lower extremity motor score (LEMS)', range: [0, 50] },
      motor_total: { label: 'Motor total', range: [0, 100] },
      lt_total: { label: 'Light touch total', range: [0, 112] },
      pp_total: { label: 'Pin prick total', range: [0, 112] },
      ais: { label: 'AIS grade', levels: ['A', 'B', 'C', 'D', 'E'], count_noun: ['grade', 'grades'] },
      // From the highest (most rostral) level down: a level lower in the cord leaves more function.
      nli: { label: 'Neurological level of injury (NLI)', levels: NLI_LEVELS, count_noun: ['segment', 'segments'] },
    },
    no_mcid_reason:
      'no minimal clinically important difference is established for the ISNCSCI motor or sensory totals; only distribution-based estimates exist (Scivoletto G et al. 2013, Eur J Phys Rehabil Med 49(3):373-84)',
    built_in: true,
  },
  {
    id: 'scim-iii',
    short: 'SCIM III',
    name: 'Spinal Cord Independence Measure III (SCIM III)',
    range: [0, 100],
    step: 1,
    higher_is_better: true,
    subscores: { self_care: [0, 20], respiration_sphincter: [0, 40], mobility: [0, 40] },
    subscore_labels: { self_care: 'self-care', respiration_sphincter: 'respiration and sphincter management', mobility: 'mobility' },
    subscore_no_mcid_reason:
      'no single minimal clinically important difference is established for the SCIM III subscores; anchor-based estimates vary with lesion level and severity (Corallo V et al. 2017, Eur J Phys Rehabil Med 53(4):508-15)',
    mcid: {
      value: 4,
      substantial: 10,
      kind: 'mcid',
      source: 'Scivoletto G et al. 2013, Disabil Rehabil 35(21):1808-13',
      note: 'distribution-based estimates; anchor-based estimates are larger and vary with lesion level and severity, per Corallo V et al. 2017, Eur J Phys Rehabil Med 53(4):508-15',
      references: [
        'Scivoletto G, Tamburella F, Laurenza L, Molinari M. The spinal cord independence measure: how much change is clinically significant for spinal cord injury subjects. Disabil Rehabil. 2013;35(21):1808-13.',
        'Corallo V, Torre M, Ferrara G, Guerra F, Nicosia G, Romanelli E, et al. What do spinal cord injury patients think of their improvement? A study of the minimal clinically important difference of the Spinal Cord Independence Measure III. Eur J Phys Rehabil Med. 2017;53(4):508-15. doi:10.23736/S1973-9087.17.04240-X',
      ],
    },
    built_in: true,
  },
  {
    id: 'wisci-ii',
    short: 'WISCI II',
    name: 'Walking Index for Spinal Cord Injury II (WISCI II)',
    range: [0, 20],
    step: 1,
    higher_is_better: true,
    count_noun: ['level', 'levels'],
    mcid: {
      value: 1,
      kind: 'mdc',
      source: 'Burns AS et al. 2011, Neurorehabil Neural Repair 25(2):149-57',
      note: 'in chronic SCI; 2 levels in acute and subacute SCI, per Scivoletto G et al. 2014, Spinal Cord 52(1):65-9',
      // Not yet verified against the papers: the title and co-authors of Burns 2011, the co-authors of Scivoletto 2014
      // and its issue number (taken from `note`). Complete them before relying on the reference list.
      references: [
        'Burns AS, et al. Neurorehabil Neural Repair. 2011;25(2):149-57.',
        'Scivoletto G, et al. Walking Index for Spinal Cord Injury version II in acute spinal cord injury: reliability and reproducibility. Spinal Cord. 2014;52(1):65-9. doi:10.1038/sc.2013.127',
      ],
    },
    built_in: true,
  },
  {
    id: 'fim',
    short: 'FIM',
    name: 'Functional Independence Measure (FIM)',
    range: [18, 126],
    step: 1,
    higher_is_better: true,
    subscores: { motor: [13, 91], cognitive: [5, 35] },
    subscore_labels: { motor: 'motor', cognitive: 'cognitive' },
    // Beninato 2006 (abstract read 2026-12-04) gives 22 (total), 17 (motor) and 3 (cognitive) in stroke.
    subscore_no_mcid_reason:
      'no minimal clinically important difference is established for the FIM subscores in spinal cord injury; in stroke, Beninato M et al. 2006 (Arch Phys Med Rehabil 87(1):32-9) estimated 17 points for the motor and 3 for the cognitive subscore',
    mcid: {
      value: 22,
      kind: 'mcid',
      source: 'Beninato M et al. 2006, Arch Phys Med Rehabil 87(1):32-9',
      note: 'estimated in stroke rehabilitation',
      // Not yet verified: the co-authors after Beninato M.
      references: [
        'Beninato M, et al. Determination of the minimal clinically important difference in the FIM instrument in patients with stroke. Arch Phys Med Rehabil. 2006;87(1):32-9. doi:10.1016/j.apmr.2005.08.130',
      ],
    },
    built_in: true,
  },
  {
    id: 'berg',
    short: 'Berg Balance Scale',
    name: 'Berg Balance Scale',
    range: [0, 56],
    step: 1,
    higher_is_better: true,
    no_mcid_reason:
      'no minimal clinically important difference is established across conditions for the Berg Balance Scale; published minimal detectable changes depend on the population and the baseline score',
    built_in: true,
  },
  {
    id: 'edss',
    short: 'EDSS',
    name: 'Expanded Disability Status Scale (EDSS)',
    range: [0, 10],
    step: 0.5,
    higher_is_better: false,
    mcid: {
      value: 1,
      kind: 'mcid',
      rule: 'edss',
      // Corrected 2026-12-03: the Kragt 2006 paper on this convention is Mult Scler 12:782-6 (read in full); the
      // 12(5):594-8 given before matched no paper on EDSS progression.
      source: 'Kragt JJ et al. 2006, Mult Scler 12:782-6',
      note: 'the conventional definition of a clinically relevant EDSS change, as applied in that study, which also finds a 0.5-point change above 5.5 not equivalent to a 1-point change below it',
      references: [
        'Kragt JJ, Nielsen JM, van der Linden FAH, Uitdehaag BMJ, Polman CH. How similar are commonly combined criteria for EDSS progression in multiple sclerosis? Mult Scler. 2006;12:782-6.',
      ],
    },
    built_in: true,
  },
  {
    id: 'alsfrs-r',
    short: 'ALSFRS-R',
    name: 'Revised ALS Functional Rating Scale (ALSFRS-R)',
    range: [0, 48],
    step: 1,
    higher_is_better: true,
    no_mcid_reason:
      'no minimal clinically important difference in points is established for the ALSFRS-R; clinicians judged a 20% change in the rate of decline meaningful (Castrillo-Viguera C et al. 2010, Amyotroph Lateral Scler 11(1-2):178-80)',
    built_in: true,
  },
  {
    id: 'nihss',
    short: 'NIHSS',
    name: 'National Institutes of Health Stroke Scale (NIHSS)',
    range: [0, 42],
    step: 1,
    higher_is_better: false,
    no_mcid_reason:
      'no minimal clinically important difference is established for the NIHSS; thresholds in use (such as 4 points of worsening) are conventions of individual studies',
    built_in: true,
  },
  {
    id: 'mrs',
    short: 'mRS',
    name: 'modified Rankin Scale (mRS)',
    range: [0, 6],
    step: 1,
    higher_is_better: false,
    count_noun: ['grade', 'grades'],
    mcid: {
      value: 1,
      kind: 'mcid',
      source: 'convention, not a formal MCID study',
      note: 'one grade, the smallest change the scale can record, is treated as clinically relevant',
    },
    built_in: true,
  },
  {
    id: 'gmfm-66',
    short: 'GMFM-66',
    name: 'Gross Motor Function Measure 66 (GMFM-66)',
    range: [0, 100],
    step: 0.1,
    higher_is_better: true,
    no_mcid_reason:
      'minimal clinically important differences for the GMFM-66 vary with motor level and effect-size method (Oeffinger D et al. 2008, Dev Med Child Neurol 50(12):918-25); none is applied here',
    built_in: true,
  },
  {
    id: 'mds-updrs-iii',
    short: 'MDS-UPDRS III',
    name: 'MDS-UPDRS Part III (motor examination)',
    range: [0, 132],
    step: 1,
    higher_is_better: false,
    mcid: {
      value: 3.25,
      worsening: 4.63,
      kind: 'mcid',
      source: 'Horváth K et al. 2015, Parkinsonism Relat Disord 21(12):1421-6',
      references: [
        'Horváth K, Aschermann Z, Ács P, Deli G, Janszky J, Komoly S, et al. Minimal clinically important difference on the motor examination part of MDS-UPDRS. Parkinsonism Relat Disord. 2015;21(12):1421-6. doi:10.1016/j.parkreldis.2015.10.006',
      ],
    },
    built_in: true,
  },
  {
    id: 'nrs-pain',
    short: 'NRS pain',
    name: 'Numeric Rating Scale for pain (NRS)',
    range: [0, 10],
    step: 1,
    higher_is_better: false,
    mcid: {
      value: 2,
      kind: 'mcid',
      source: 'Farrar JT et al. 2001, Pain 94(2):149-58',
      note: 'a reduction of about 2 points or 30%, estimated in chronic pain',
      references: [
        'Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain. 2001;94(2):149-58. doi:10.1016/S0304-3959(01)00349-9',
      ],
    },
    built_in: true,
  },
  // Added 2026-12-04 (issue 14). Each threshold below was read in the paper's abstract (PubMed or the
  // publisher's page) on that day, except where a comment says what is not verified.
  {
    id: '10mwt',
    short: '10MWT',
    name: '10-metre walk test (10MWT)',
    min: 0,
    unit: 'm/s',
    step: 0.01,
    higher_is_better: true,
    mcid: {
      value: 0.05,
      substantial: 0.1,
      kind: 'mcid',
      source: 'Perera S et al. 2006, J Am Geriatr Soc 54(5):743-9',
      note: 'estimated in older adults and subacute stroke, not in spinal cord injury; 0.16 m/s in the first 60 days after stroke, per Tilson JK et al. 2010, Phys Ther 90(2):196-208',
      // Not yet verified: Perera 2006's co-authors and pages (the abstract's values and title were read).
      references: [
        'Perera S, Mody SH, Woodman RC, Studenski SA. Meaningful change and responsiveness in common physical performance measures in older adults. J Am Geriatr Soc. 2006;54(5):743-9.',
        'Tilson JK, Sullivan KJ, Cen SY, Rose DK, Koradia CH, Azen SP, et al. Meaningful gait speed improvement during the first 60 days poststroke: minimal clinically important difference. Phys Ther. 2010;90(2):196-208. doi:10.2522/ptj.20090079',
      ],
    },
    built_in: true,
  },
  {
    id: '6mwt',
    short: '6MWT',
    name: '6-minute walk test (6MWT)',
    min: 0,
    unit: 'm',
    step: 1,
    higher_is_better: true,
    mcid: {
      value: 20,
      substantial: 50,
      kind: 'mcid',
      source: 'Perera S et al. 2006, J Am Geriatr Soc 54(5):743-9',
      note: 'estimated in older adults and subacute stroke, not in spinal cord injury',
      // Not yet verified: Perera 2006's co-authors and pages (the abstract's values and title were read).
      references: [
        'Perera S, Mody SH, Woodman RC, Studenski SA. Meaningful change and responsiveness in common physical performance measures in older adults. J Am Geriatr Soc. 2006;54(5):743-9.',
      ],
    },
    built_in: true,
  },
  {
    id: 'tug',
    short: 'TUG',
    name: 'Timed Up and Go (TUG)',
    min: 0,
    unit: 's',
    step: 0.1,
    higher_is_better: false,
    mcid: {
      value: 10.8,
      kind: 'mdc',
      source: 'Lam T et al. 2008, Spinal Cord 46(4):246-54',
      note: 'smallest real difference in spinal cord injury, from the reliability data of van Hedel HJ et al. 2005 (Arch Phys Med Rehabil 86(2):190-6); no minimal clinically important difference is established in spinal cord injury',
      // Taken from the SCIRE Project's TUG page, which cites Lam 2008 for it; Lam 2008's title, co-authors and
      // issue are not yet verified against the paper. van Hedel 2005 was read (abstract).
      references: [
        'Lam T, Noonan VK, Eng JJ. A systematic review of functional ambulation outcome measures in spinal cord injury. Spinal Cord. 2008;46(4):246-54.',
        'van Hedel HJ, Wirz M, Dietz V. Assessing walking ability in subjects with spinal cord injury: validity and reliability of 3 walking tests. Arch Phys Med Rehabil. 2005;86(2):190-6. doi:10.1016/j.apmr.2004.02.010',
      ],
    },
    built_in: true,
  },
  {
    id: 'fact',
    short: 'FACT',
    name: 'Functional Assessment for Control of Trunk (FACT)',
    range: [0, 20],
    step: 1,
    higher_is_better: true,
    no_mcid_reason: 'no minimal clinically important difference is established for the Functional Assessment for Control of Trunk',
    built_in: true,
  },
  {
    id: 'barthel',
    short: 'Barthel Index',
    name: 'Barthel Index (0-100)',
    range: [0, 100],
    step: 5,
    higher_is_better: true,
    mcid: {
      value: 9.25,
      kind: 'mcid',
      source: 'Hsieh YW et al. 2007, Neurorehabil Neural Repair 21(3):233-8',
      note: '1.85 points on the 0-20 version of the index, that is 9.25 on the 0-100 version; estimated in stroke',
      references: [
        'Hsieh YW, Wang CH, Wu SC, Chen PC, Sheu CF, Hsieh CL. Establishing the minimal clinically important difference of the Barthel Index in stroke patients. Neurorehabil Neural Repair. 2007;21(3):233-8. doi:10.1177/1545968306294729',
      ],
    },
    built_in: true,
  },
  {
    id: 'fac',
    short: 'FAC',
    name: 'Functional Ambulation Categories (FAC)',
    range: [0, 5],
    step: 1,
    higher_is_better: true,
    count_noun: ['category', 'categories'],
    no_mcid_reason:
      'no minimal clinically important difference is established for the Functional Ambulation Categories; each category is a defined level of independence in walking',
    built_in: true,
  },
  {
    id: 'mas',
    short: 'MAS',
    name: 'Modified Ashworth Scale (MAS)',
    levels: ['0', '1', '1+', '2', '3', '4'],
    step: 1,
    higher_is_better: false,
    count_noun: ['level', 'levels'],
    no_mcid_reason:
      'no minimal clinically important difference is established for the Modified Ashworth Scale, an ordinal rating of resistance to passive movement',
    built_in: true,
  },
  {
    id: 'fugl-meyer-ue',
    short: 'FMA-UE',
    name: 'Fugl-Meyer Assessment, upper extremity motor (FMA-UE)',
    range: [0, 66],
    step: 1,
    higher_is_better: true,
    mcid: {
      value: 9,
      kind: 'mcid',
      source: 'Arya KN et al. 2011, Top Stroke Rehabil 18(Suppl 1):599-610',
      note: 'estimated in subacute stroke: 9 points anchored to the modified Rankin Scale, 10 to the patients’ global rating of change; estimates differ with the phase and severity of stroke',
      // Not yet verified: Arya 2011's co-authors (the abstract's values, title, journal and pages were read).
      references: [
        'Arya KN, Verma R, Garg RK. Estimating the minimal clinically important difference of an upper extremity recovery measure in subacute stroke patients. Top Stroke Rehabil. 2011;18(Suppl 1):599-610. doi:10.1310/tsr18s01-599',
      ],
    },
    built_in: true,
  },
  {
    id: 'fugl-meyer-le',
    short: 'FMA-LE',
    name: 'Fugl-Meyer Assessment, lower extremity motor (FMA-LE)',
    range: [0, 34],
    step: 1,
    higher_is_better: true,
    mcid: {
      value: 6,
      kind: 'mcid',
      source: 'Pandian S et al. 2016, Top Stroke Rehabil 23(4):233-9',
      note: 'estimated in chronic stroke',
      references: [
        'Pandian S, Arya KN, Kumar D. Minimal clinically important difference of the lower-extremity Fugl-Meyer assessment in chronic-stroke. Top Stroke Rehabil. 2016;23(4):233-9. doi:10.1179/1945511915Y.0000000003',
      ],
    },
    built_in: true,
  },
];
