import type { PrivacyFinding } from './types.js';

/** A pattern that finds one kind of identifier in free text. */
export interface TextRule {
  rule: PrivacyFinding['rule'];
  severity: PrivacyFinding['severity'];
  /** Global: every match in a text is a finding. */
  pattern: RegExp;
  /** Rejects a match that only looks like an identifier; gets the match and the text after it. */
  accept?: (match: string, after: string) => boolean;
  message: string;
  /** A fixed hint, or one chosen by where the match is (`key` is the last part of its path). */
  hint: string | ((key: string, wholeValue: boolean) => string);
}

const TITLES = String.raw`(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor)`;
const WORD = String.raw`[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?`;
const STREET_TYPES = String.raw`(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Way|Court|Ct|Place|Square|Terrace|Crescent|Highway)`;
const UNITS = /^\s*(?:cells|IU|units|mg|mcg|µg|ug|ml|mL|copies|cfu|x|×)\b/;

/** Whether a number looks like a phone number: 7-15 digits in groups, at least two of three or more digits. */
function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  const groups = match.split(/[\s.()+-]+/).filter(Boolean);
  if (digits < 7 || digits > 15) return false;
  if (groups.every((g) => /^(19|20)\d\d$/.test(g))) return false; // a list of years
  if (groups.length === 2 && /^(19|20)\d\d$/.test(groups[0] ?? '')) return false; // an approval number such as 2022-117
  return match.startsWith('+') || groups.filter((g) => g.length >= 3).length >= 2;
}

function dateHint(key: string, wholeValue: boolean): string {
  if (!wholeValue) return 'write the day relative to the first round ("day 14") or only the month or year';
  if (key === 'start') return 'write `day: N` (days since the first round started) instead of `start:`, or give the month only (2023-03)';
  if (key === 'end') return 'write `end_day: N` instead of `end:`, or give the month only (2023-03)';
  if (key === 'date') return 'write `day: N` (days since the first round started) instead of `date:`, or give the month only (2023-03)';
  return 'give the month (2023-03) or the year only';
}

/** The identifier patterns, in the order they are tried: a span one rule matched is not matched again. */
export const TEXT_RULES: readonly TextRule[] = [
  {
    rule: 'email',
    severity: 'error',
    // The parts are bounded (a local part has at most 64 characters, a domain label 63, a domain
    // at most 127 labels) so that a long run of such characters costs linear time, not quadratic:
    // unbounded, each place in the run scans the rest of it.
    pattern: /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,127}/g,
    message: 'an e-mail address',
    hint: 'remove the address; e-mail addresses identify people',
  },
  {
    rule: 'url',
    severity: 'error',
    pattern:
      /\bhttps?:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:]|\bwww\.[^\s<>"')\]]*[^\s<>"')\].,;:]|\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,126}\.(?:com|org|net|edu|gov|io|info|biz|health|cn|uk|de|nl|fr|jp|ru|in|au|ca)\b(?:\/[^\s<>"')\]]*[^\s<>"')\].,;:])?/g,
    // Host names are bounded as e-mail domains are.
    message: 'a web address',
    hint: 'remove the address, or cite the source under discussion.references',
  },
  {
    rule: 'date',
    severity: 'error',
    pattern: /\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g,
    message: 'a full date tied to the patient',
    hint: dateHint,
  },
  {
    rule: 'record-number',
    severity: 'error',
    pattern:
      /\b(?:MRN|medical record(?: number| no\.?)?|record (?:no\.?|number|#)|patient (?:ID|number|no\.?)|chart (?:no\.?|number)|hospital (?:no\.?|number)|case (?:no\.?|number))\s*[:#]?\s*[A-Z0-9/-]*\d[A-Z0-9/-]*/gi,
    message: 'a medical record or other identifying number',
    hint: 'remove the number; record, chart and hospital numbers identify the patient',
  },
  {
    rule: 'phone',
    severity: 'error',
    pattern: /(?<![\w.+-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w-])/g,
    accept: looksLikePhone,
    message: 'a phone or fax number',
    hint: 'remove the number',
  },
  {
    rule: 'record-number',
    severity: 'warning',
    // A trial registration (NCT01234567) is public and not about the patient: the letters before it keep it out.
    pattern: /(?<![\w.])\d{6,}(?![\d.])/g,
    accept: (_match, after) => !UNITS.test(after),
    message: 'a long number that may be a record, account or device number',
    hint: 'remove it if it is a record, account, device or other identifying number',
  },
  {
    rule: 'place',
    severity: 'error',
    pattern: new RegExp(
      String.raw`\b\d{1,5}[A-Za-z]?\s+(?:${WORD}\s+){1,3}${STREET_TYPES}\b\.?|\b[A-Z][a-zäöüß]+(?:straße|strasse|straat|weg|laan|gasse|plein)\s+\d{1,4}[a-z]?\b`,
      'g',
    ),
    message: 'a street address',
    hint: 'remove the address; name no place smaller than a region or country',
  },
  {
    rule: 'place',
    severity: 'error',
    // US state and ZIP code, UK and Canadian postcodes, or anything labelled as a postcode.
    pattern:
      /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b(?:[Zz]ip(?: code)?|[Pp]ost ?code)\s*:?\s*[A-Z0-9][A-Z0-9 -]{2,9}\b/g,
    message: 'a postcode',
    hint: 'remove the postcode; name no place smaller than a region or country',
  },
  {
    rule: 'age',
    severity: 'error',
    pattern: /\b(?:9\d|1[0-2]\d)(?:-years?-old|\s+years?\s+old|\s*(?:yo|y\/o)\b)|\baged\s+(?:9\d|1[0-2]\d)\b/gi,
    message: 'an age over 89',
    hint: 'write "90 or older": ages over 89 are rare enough to identify a patient',
  },
  {
    rule: 'name',
    severity: 'error',
    pattern: new RegExp(String.raw`\b${TITLES}\.?\s+${WORD}(?:\s+${WORD})?`, 'g'),
    message: "a person's name",
    hint: 'name people by their role ("the treating physician"), not by name',
  },
  {
    rule: 'facility',
    severity: 'warning',
    // Words of at most 64 characters, for linear time over long runs (as for e-mail addresses).
    pattern:
      /\b(?:[A-Z][\w'’.-]{0,63}\s+){1,5}(?:Hospital|Clinic|Infirmary|Sanatorium|Institute|Medical Cent(?:er|re)|Health Cent(?:er|re)|Cent(?:er|re))\b/g,
    accept: (match) => !/^(?:The|A|An|This|That|Our|His|Her|Their|Private|Local|Public)\s+\S+$/.test(match),
    message: 'the name of a treating facility',
    hint: 'describe the facility ("a private hospital") unless naming it is needed and agreed with the patient',
  },
];

/** Shortens a matched text for messages. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Escapes a text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
