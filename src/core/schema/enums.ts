/** The closed vocabularies of the case file format, version 1. */
export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export const LANGUAGES = ['en'] as const;
export const REGULATORY_STATUSES = [
  'trial',
  'expanded-access',
  'approved',
  'innovative-practice',
  'unregulated',
  'unknown',
] as const;
export const INTERVENTION_TYPES = [
  'cell-therapy',
  'rehabilitation',
  'device',
  'electrical-stimulation',
  'orthosis',
  'medication',
  'surgery',
  'other',
] as const;
/** Intervention types that are rehabilitation in the wide sense: therapy, devices, stimulation, orthoses. */
export const REHABILITATION_TYPES: ReadonlySet<string> = new Set(['rehabilitation', 'device', 'electrical-stimulation', 'orthosis']);
export const FINDING_KINDS = ['imaging', 'laboratory', 'physiological', 'other'] as const;
export const CELL_ORIGINS = ['autologous', 'allogeneic'] as const;
export const DOMAINS = [
  'motor',
  'sensory',
  'autonomic',
  'balance',
  'pain',
  'function',
  'general-health',
  'wellbeing',
  'medication',
  'other',
] as const;
export const CHANGES = ['improved', 'worsened', 'unchanged', 'new', 'resolved'] as const;
export const SOURCES = ['patient', 'caregiver', 'clinician', 'measured'] as const;
export const CONSENT_TYPES = ['written', 'verbal'] as const;
export const PROVENANCE_KINDS = ['patient-testimonial', 'clinical-record', 'case-study', 'trial-report'] as const;
export const MEDICATION_TYPES = ['prescription', 'supplement', 'over-the-counter', 'other'] as const;
export const MEDICATION_CHANGES = ['started', 'stopped', 'reduced', 'increased', 'continued'] as const;
export const DECIDERS = ['patient', 'clinician', 'caregiver'] as const;
export const SEVERITIES = ['mild', 'moderate', 'severe', 'life-threatening', 'fatal'] as const;
export const RELATEDNESS = ['unrelated', 'unlikely', 'possible', 'probable', 'definite', 'unknown'] as const;
/** ICH E2A: what makes an adverse event serious. */
export const SERIOUSNESS_CRITERIA = [
  'death',
  'life-threatening',
  'hospitalization',
  'disability',
  'congenital-anomaly',
  'other-important',
] as const;
/** The WHO-UMC causality categories. */
export const CAUSALITY = ['certain', 'probable', 'possible', 'unlikely', 'conditional', 'unassessable'] as const;
/** What was done with the treatment because of an adverse event (as in ICH E2B). */
export const ACTIONS_TAKEN = [
  'withdrawn',
  'dose-reduced',
  'dose-increased',
  'dose-not-changed',
  'interrupted',
  'not-applicable',
  'unknown',
] as const;
/** The outcomes of an adverse event as ICH E2B codes them; free text is accepted too. */
export const EVENT_OUTCOMES = ['recovered', 'recovering', 'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown'] as const;

export type Domain = (typeof DOMAINS)[number];
export type Source = (typeof SOURCES)[number];
export type Change = (typeof CHANGES)[number];

/** How reports name each source of an observation. */
export const SOURCE_LABELS: Record<Source, string> = {
  patient: 'self-reported',
  caregiver: 'caregiver-reported',
  clinician: 'clinician-observed',
  measured: 'measured',
};

/** Human names of the observation domains, in report order. */
export const DOMAIN_LABELS: Record<Domain, string> = {
  motor: 'Motor function',
  sensory: 'Sensation',
  autonomic: 'Autonomic function',
  balance: 'Balance',
  pain: 'Pain',
  function: 'Daily function',
  'general-health': 'General health',
  wellbeing: 'Well-being',
  medication: 'Medication',
  other: 'Other',
};
