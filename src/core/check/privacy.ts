import { formatPath, type CasePath } from '../errors.js';
import type { CaseFile } from '../schema/case-schema.js';
import { escapeRegExp, shorten, TEXT_RULES, type TextRule } from './privacy-patterns.js';
import type { PrivacyFinding } from './types.js';

/**
 * Parts of the file that name people, places or dates on purpose and are not about the patient: the
 * authors, the report's own date, the author of the source, and the literature cited.
 */
const NOT_ABOUT_THE_PATIENT = new Set(['report.authors', 'report.date', 'provenance.author', 'discussion.references', 'references']);

const LABEL_WORDS = String.raw`(?:Patient|Case|Subject|Participant|Client|Mr|Mrs|Ms|Miss|Dr|Prof)`;
const FULL_NAME = new RegExp(String.raw`^(?!${LABEL_WORDS}\b)[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\s+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$`);
const GIVEN_NAME = new RegExp(String.raw`^(?!${LABEL_WORDS}$)[A-Z][a-z]{2,}$`);

/**
 * Finds what could identify the patient, in the spirit of HIPAA Safe Harbor: names, full dates, ages
 * over 89, phone numbers, e-mail and web addresses, record numbers and places smaller than a region.
 * Every text of the validated case is searched, and each finding names its path.
 */
export function findPrivacyIssues(c: CaseFile): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const rules = [...caseRules(c), ...TEXT_RULES];
  const visit = (value: unknown, path: CasePath): void => {
    const at = formatPath(path);
    if (NOT_ABOUT_THE_PATIENT.has(at)) return;
    if (typeof value === 'string') {
      findings.push(...checkField(at, value));
      // A facility's own fields are reported once, as fields, not again as text.
      if (at !== 'facility.name' && at !== 'facility.city') findings.push(...scanText(value, path, rules, c.patient.label));
    } else if (typeof value === 'number' && at === 'patient.age' && value > 89) {
      findings.push({
        rule: 'age',
        severity: 'error',
        path: at,
        text: String(value),
        message: 'an age over 89',
        hint: 'leave `age` out and write "90 or older": ages over 89 are rare enough to identify a patient',
      });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(c, []);
  return findings;
}

/** Findings that depend on which field a value is in, rather than on what the text says. */
function checkField(path: string, value: string): PrivacyFinding[] {
  const finding = (rule: PrivacyFinding['rule'], severity: PrivacyFinding['severity'], message: string, hint: string): PrivacyFinding[] => [
    { rule, severity, path, text: shorten(value), message, hint },
  ];
  if (path === 'patient.label') {
    if (FULL_NAME.test(value)) {
      return finding('name', 'error', 'the patient label looks like a full name', 'use a pseudonym or initials ("Patient A", "J.S.")');
    }
    if (GIVEN_NAME.test(value)) {
      return finding(
        'name',
        'warning',
        'the patient label looks like a given name',
        'if it is the patient\'s real name, use a pseudonym or initials ("Patient A")',
      );
    }
  }
  if (path === 'patient.age_range') {
    const upper = Number(value.split('-')[1]);
    if (upper > 89)
      return finding('age', 'error', 'an age range over 89', 'leave the range out and write "90 or older", or end the range at 89');
  }
  if (path === 'facility.name') {
    return finding(
      'facility',
      'warning',
      'the treating facility is named',
      'a named facility narrows down who the patient is: leave `facility.name` out unless naming it is needed and agreed',
    );
  }
  if (path === 'facility.city') {
    return finding(
      'place',
      'warning',
      'a city is a place smaller than a region',
      'keep `facility.country` and leave the city out unless it is needed',
    );
  }
  return [];
}

/**
 * The longest facility name or city looked for in the text: no real one comes near it, and a
 * regular expression of some 40,000 characters is too large for V8 to compile (an internal error).
 */
const MAX_REPEATED_NAME = 1000;

/** Rules that come from the case itself: its facility's name and city, wherever the text repeats them. */
function caseRules(c: CaseFile): TextRule[] {
  const rules: TextRule[] = [];
  const name = c.facility?.name?.trim();
  if (name && name.length <= MAX_REPEATED_NAME) {
    rules.push({
      rule: 'facility',
      severity: 'warning',
      pattern: new RegExp(escapeRegExp(name), 'gi'),
      message: 'the name of the treating facility',
      hint: 'describe the facility ("a private hospital") unless naming it is needed and agreed with the patient',
    });
  }
  const city = c.facility?.city?.trim();
  if (city && city.length <= MAX_REPEATED_NAME) {
    rules.push({
      rule: 'place',
      severity: 'warning',
      pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(city)}(?![\p{L}\p{N}])`, 'gu'),
      message: 'the city of treatment: a place smaller than a region',
      hint: 'name the country or region instead of the city, unless the city is needed',
    });
  }
  return rules;
}

/** Every rule over one text; a span one rule matched is blanked so no later rule reports it again. */
function scanText(text: string, path: CasePath, rules: readonly TextRule[], label: string): PrivacyFinding[] {
  const found: { at: number; finding: PrivacyFinding }[] = [];
  const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  let work = text;
  for (const rule of rules) {
    // The spans this rule matched are blanked once it is done (not after each match, which would
    // copy the text once per match: quadratic for a long text with many matches).
    const kept: string[] = [];
    let copied = 0;
    for (const match of work.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      const snippet = text.slice(start, end);
      if (rule.accept && !rule.accept(snippet, work.slice(end))) continue;
      if (rule.rule === 'name' && snippet === label) continue; // the label is how the report names the patient
      const hint = typeof rule.hint === 'function' ? rule.hint(key, snippet === text.trim()) : rule.hint;
      found.push({
        at: start,
        finding: { rule: rule.rule, severity: rule.severity, path: formatPath(path), text: shorten(snippet), message: rule.message, hint },
      });
      kept.push(work.slice(copied, start), ' '.repeat(end - start));
      copied = end;
    }
    if (kept.length) work = kept.join('') + work.slice(copied);
  }
  // Rules run in order of precedence; findings are listed in reading order.
  return found.sort((a, b) => a.at - b.at).map((f) => f.finding);
}
