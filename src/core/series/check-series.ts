import type { SeriesFile } from './series-schema.js';
import type { SeriesModel } from './types.js';

/** `reported`/`partial`/`missing` for reporting items; `yes`/`no`/`cannot-judge` for appraisal questions. */
export type SeriesCheckStatus = 'reported' | 'partial' | 'missing' | 'yes' | 'no' | 'cannot-judge';

export interface SeriesCheckItem {
  list: 'PROCESS 2023' | 'Kempen 2011' | 'Murad 2018';
  item: string;
  status: SeriesCheckStatus;
  /** The fields of the series file (or, `cases`, of its case files) that satisfy the item. */
  fields: string[];
  /** What is missing, or why the item cannot be judged from the data; null where nothing is. */
  note: string | null;
}

export interface SeriesCheckReport {
  id: string;
  title: string;
  items: SeriesCheckItem[];
  summary: Record<SeriesCheckStatus, number>;
  /** The guidance each list comes from. */
  sources: string[];
}

export const SERIES_CHECK_SOURCES = [
  'PROCESS 2023: Mathew G, Sohrabi C, Franchi T, et al. Preferred Reporting Of Case Series in Surgery (PROCESS) 2023 guidelines. Int J Surg. 2023;109(12):3760-9. Items that apply to any interventional series; wording paraphrased.',
  'Kempen 2011: Kempen JH. Appropriate use and reporting of uncontrolled case series in the medical literature. Am J Ophthalmol. 2011;151(1):7-10.e1. The items below paraphrase the editorial’s themes; they were not checked item by item against its Table 2.',
  'Murad 2018: Murad MH, Sultan S, Haffar S, Bazerbachi F. Methodological quality and synthesis of case series and case reports. BMJ Evid Based Med. 2018;23(2):60-3. Eight questions in four domains (selection, ascertainment, causality, reporting), pre-filled from the data.',
];

const item = (
  list: SeriesCheckItem['list'],
  name: string,
  status: SeriesCheckStatus,
  fields: string[],
  note: string | null = null,
): SeriesCheckItem => ({
  list,
  item: name,
  status,
  fields,
  note,
});

/** Judges a series against the reporting items and appraisal questions that a series file and its cases can answer. */
export function checkSeries(s: SeriesFile, m: SeriesModel): SeriesCheckReport {
  const items: SeriesCheckItem[] = [];
  const P = 'PROCESS 2023' as const;
  const has = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== '';
  const design = s.design;
  items.push(
    item(
      P,
      'Title says it is a case series',
      /case series/i.test(s.title ?? '') ? 'reported' : 'partial',
      ['title'],
      /case series/i.test(s.title ?? '') ? null : 'the report appends ": a case series"; write it in the title',
    ),
  );
  items.push(
    item(
      P,
      'Registration',
      has(s.registration) ? 'reported' : 'missing',
      has(s.registration) ? ['registration'] : [],
      has(s.registration) ? null : 'registration missing: say where the series was registered, or that it was not',
    ),
  );
  items.push(
    item(
      P,
      'Ethics approval',
      has(s.ethics) ? 'reported' : 'missing',
      has(s.ethics) ? ['ethics'] : [],
      has(s.ethics) ? null : 'ethics missing',
    ),
  );
  const designKnown = design?.type !== undefined && design.type !== 'unknown';
  const consecutiveKnown = design?.consecutive !== undefined && design.consecutive !== 'unknown';
  items.push(
    item(
      P,
      'Design: prospective or retrospective, consecutive or not, single or multi-centre',
      designKnown && consecutiveKnown && design?.centres !== undefined
        ? 'reported'
        : designKnown || consecutiveKnown
          ? 'partial'
          : 'missing',
      design ? ['design'] : [],
      [
        !designKnown ? 'design.type unknown' : '',
        !consecutiveKnown ? 'design.consecutive unknown' : '',
        design?.centres === undefined ? 'design.centres missing' : '',
      ]
        .filter(Boolean)
        .join('; ') || null,
    ),
  );
  items.push(
    item(
      P,
      'Setting',
      has(s.setting) ? 'reported' : 'missing',
      has(s.setting) ? ['setting'] : [],
      has(s.setting) ? null : 'setting missing',
    ),
  );
  const period = s.recruitment?.start !== undefined && s.recruitment.end !== undefined;
  items.push(
    item(
      P,
      'Recruitment period',
      period ? 'reported' : s.recruitment ? 'partial' : 'missing',
      s.recruitment ? ['recruitment'] : [],
      period ? null : 'recruitment start and end',
    ),
  );
  const inc = has(s.eligibility?.inclusion);
  const exc = has(s.eligibility?.exclusion);
  items.push(
    item(
      P,
      'Eligibility: inclusion and exclusion criteria',
      inc && exc ? 'reported' : inc || exc ? 'partial' : 'missing',
      s.eligibility ? ['eligibility'] : [],
      inc && exc ? null : 'eligibility.inclusion and eligibility.exclusion',
    ),
  );
  const demographics = m.patients.filter((p) => p.age !== undefined && p.sex !== undefined).length;
  items.push(
    item(
      P,
      'Patient characteristics (age, sex, condition, time since onset)',
      demographics === m.n_cases ? 'reported' : demographics > 0 ? 'partial' : 'missing',
      ['cases'],
      demographics === m.n_cases ? null : `${m.n_cases - demographics} of ${m.n_cases} cases lack age or sex`,
    ),
  );
  const courses = m.patients.filter((p) => p.interventions !== '').length;
  items.push(
    item(
      P,
      'Intervention details',
      courses === m.n_cases ? 'reported' : courses > 0 ? 'partial' : 'missing',
      ['cases'],
      courses === m.n_cases ? null : `${m.n_cases - courses} cases name no intervention`,
    ),
  );
  const followed = m.patients.filter((p) => p.follow_up_days !== undefined).length;
  items.push(
    item(
      P,
      'Follow-up: length for each patient',
      followed === m.n_cases ? 'reported' : followed > 0 ? 'partial' : 'missing',
      ['cases'],
      followed === m.n_cases ? null : `${m.n_cases - followed} cases without a dated follow-up`,
    ),
  );
  const latest = m.flow.time_points.at(-1);
  items.push(
    item(
      P,
      'Outcomes with losses to follow-up',
      'reported',
      ['primary_outcomes', 'time_points'],
      latest && latest.lost > 0 ? `${latest.lost} lost at the latest assessment, reported as lost` : null,
    ),
  );
  const aeReported = m.adverse_events.not_reported.length === 0;
  items.push(
    item(
      P,
      'Adverse events and complications',
      aeReported ? 'reported' : m.adverse_events.reporting > 0 ? 'partial' : 'missing',
      ['cases'],
      aeReported ? null : `not reported in: ${m.adverse_events.not_reported.join(', ')}`,
    ),
  );

  const K = 'Kempen 2011' as const;
  items.push(
    item(
      K,
      'The lack of a comparison group is stated, and causal claims are avoided',
      'reported',
      [],
      'the report states it among its limitations',
    ),
  );
  items.push(
    item(
      K,
      'How patients were selected',
      consecutiveKnown && design?.consecutive === true ? 'reported' : consecutiveKnown ? 'partial' : 'missing',
      design ? ['design.consecutive'] : [],
      consecutiveKnown ? null : 'say whether patients were included consecutively',
    ),
  );
  items.push(
    item(
      K,
      'Complete follow-up, with losses accounted for',
      latest && latest.lost === 0 ? 'reported' : 'partial',
      ['time_points'],
      latest && latest.lost > 0 ? `${latest.lost} of ${latest.lost + latest.assessed} lost at the latest assessment` : null,
    ),
  );
  items.push(
    item(
      K,
      'Outcomes at fixed time points rather than at variable last visits',
      has(s.time_points) ? 'reported' : 'missing',
      has(s.time_points) ? ['time_points'] : [],
      has(s.time_points) ? null : 'define time_points: results at the latest visit mix follow-up lengths',
    ),
  );

  const M = 'Murad 2018' as const;
  items.push(
    item(
      M,
      '1. Selection: do the patients represent the whole experience of the centre?',
      design?.consecutive === true ? 'yes' : design?.consecutive === false ? 'no' : 'cannot-judge',
      design ? ['design.consecutive'] : [],
      design?.consecutive === true ? null : 'consecutive inclusion is not stated',
    ),
  );
  const exposure = courses === m.n_cases;
  items.push(
    item(
      M,
      '2. Ascertainment: was the exposure adequately ascertained?',
      exposure ? 'yes' : 'no',
      ['cases'],
      exposure ? 'every case names its intervention; dose and route are in the case files' : 'some cases name no intervention',
    ),
  );
  const measured = m.outcomes.length > 0 && m.outcomes.every((o) => o.n > 0);
  items.push(
    item(
      M,
      '3. Ascertainment: was the outcome adequately ascertained?',
      measured ? 'yes' : 'no',
      ['primary_outcomes'],
      measured
        ? 'a standardized instrument, assessed before and after treatment'
        : 'no case has a baseline and a later assessment of the primary outcome',
    ),
  );
  items.push(
    item(
      M,
      '4. Causality: were other alternative causes ruled out?',
      'no',
      [],
      'without a comparison group, natural recovery, co-interventions and regression to the mean are not ruled out',
    ),
  );
  items.push(
    item(
      M,
      '5. Causality: was there a challenge/rechallenge phenomenon?',
      'cannot-judge',
      [],
      'mainly for adverse drug events; not judged from the data',
    ),
  );
  items.push(item(M, '6. Causality: was there a dose-response effect?', 'cannot-judge', [], 'not judged from the data'));
  const days = m.patients.flatMap((p) => (p.follow_up_days === undefined ? [] : [p.follow_up_days])).sort((a, b) => a - b);
  const median = days.length ? days[Math.floor((days.length - 1) / 2)] : undefined;
  items.push(
    item(
      M,
      '7. Causality: was follow-up long enough for outcomes to occur?',
      'cannot-judge',
      ['cases'],
      median === undefined
        ? 'no follow-up is dated'
        : `median follow-up about ${median} days: whether that is long enough is a clinical judgement`,
    ),
  );
  const detail = demographics === m.n_cases && exposure;
  items.push(
    item(
      M,
      '8. Reporting: is each case described in enough detail to replicate or apply?',
      detail ? 'yes' : 'no',
      ['cases'],
      detail ? null : 'some cases lack age, sex or the intervention',
    ),
  );
  const summary = { reported: 0, partial: 0, missing: 0, yes: 0, no: 0, 'cannot-judge': 0 } as Record<SeriesCheckStatus, number>;
  for (const i of items) summary[i.status]++;
  return { id: m.id, title: m.title, items, summary, sources: SERIES_CHECK_SOURCES };
}

/** With --strict: a reporting item (PROCESS, Kempen) missing. Appraisal answers never fail a run. */
export function seriesFailsStrict(report: SeriesCheckReport): boolean {
  return report.items.some((i) => i.list !== 'Murad 2018' && i.status === 'missing');
}
