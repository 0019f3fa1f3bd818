import { IntlMessageFormat } from 'intl-messageformat';
import en from './locales/en.json' with { type: 'json' };

/**
 * A message catalog: every sentence and phrase casereport writes, keyed by a dotted name, in ICU
 * MessageFormat (plurals and selects; arguments in braces). Messages are plain text: every output
 * format escapes a formatted message as it escapes case text, so a catalog holds no markup.
 */
export interface Catalog {
  /** A BCP 47 language tag (plural rules, list and number formats). */
  locale: string;
  messages: Readonly<Record<string, string>>;
}

/** The English catalog, casereport's own wording and the model for every other language. */
export const ENGLISH: Catalog = { locale: 'en-GB', messages: en };

/** The keys of the English catalog: every message a template or the text layer may use. */
export type MessageKey = keyof typeof en;

/** Values a message's arguments take; a list is joined as the language joins lists ("a, b and c"). */
export type MessageValues = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/**
 * The word a case names its treatment rounds by (`report.round_term`): one word, whose plural adds
 * "s", or its singular and plural forms.
 */
export type RoundTerm = string | { readonly one: string; readonly other: string };

/**
 * Arguments every message may use without being given them: the case's word for a round, singular
 * and plural, as written and with a capital for the start of a sentence or a label.
 */
export const ROUND_TERM_ARGUMENTS = ['term', 'terms', 'Term', 'Terms'] as const;

/** Formats messages of one catalog. */
export interface Translator {
  readonly locale: string;
  /**
   * The message `key` with its arguments filled in; an unknown key is a programming error (thrown).
   * The arguments of ROUND_TERM_ARGUMENTS are filled in by the translator (see withRoundTerm).
   */
  t(key: string, values?: MessageValues): string;
  /** Items joined as a list ("a, b, and c"). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /**
   * The same catalog, its messages naming a treatment round by `term` (a case's `report.round_term`);
   * by the catalog's own word (`model.round.term`, `model.round.terms`) where `term` is undefined.
   */
  withRoundTerm(term: RoundTerm | undefined): Translator;
}

const translators = new WeakMap<Catalog, Translator>();

/** The translator of a catalog (one per catalog: each message is parsed once, on first use). */
export function translator(catalog: Catalog = ENGLISH): Translator {
  let found = translators.get(catalog);
  if (!found) {
    found = createTranslator(catalog);
    translators.set(catalog, found);
  }
  return found;
}

type RoundTermValues = Record<(typeof ROUND_TERM_ARGUMENTS)[number], string>;

/** The arguments naming a round: a word alone makes its plural with "s" (English; other languages give both forms). */
function roundTermValues(term: RoundTerm, locale: string): RoundTermValues {
  const one = typeof term === 'string' ? term : term.one;
  const other = typeof term === 'string' ? `${term}s` : term.other;
  const capital = (word: string): string => {
    const [first = ''] = word;
    return first.toLocaleUpperCase(locale) + word.slice(first.length);
  };
  return { term: one, terms: other, Term: capital(one), Terms: capital(other) };
}

function createTranslator({ locale, messages }: Catalog): Translator {
  const formats = new Map<string, IntlMessageFormat>();
  const lists = new Map<string, Intl.ListFormat>();
  const list = (items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string => {
    let format = lists.get(type);
    if (!format) {
      format = new Intl.ListFormat(locale, { style: 'long', type });
      lists.set(type, format);
    }
    return format.format(items);
  };
  /** A message with the arguments given and no others. */
  const t = (key: string, values: MessageValues | RoundTermValues = {}): string => {
    let format = formats.get(key);
    if (!format) {
      const message = Object.hasOwn(messages, key) ? messages[key] : undefined;
      if (message === undefined) throw new Error(`no message \`${key}\` in the ${locale} catalog`);
      format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
      formats.set(key, format);
    }
    const args: Record<string, string | number | boolean> = {};
    for (const [name, value] of Object.entries(values)) {
      if (value === null || value === undefined) continue;
      args[name] = Array.isArray(value) ? list(value) : (value as string | number | boolean);
    }
    return String(format.format(args));
  };
  let ownTerm: RoundTermValues | undefined;
  const withRoundTerm = (term: RoundTerm | undefined): Translator => {
    let termValues: RoundTermValues | undefined;
    const naming = (): RoundTermValues =>
      term === undefined
        ? (ownTerm ??= roundTermValues({ one: t('model.round.term'), other: t('model.round.terms') }, locale))
        : (termValues ??= roundTermValues(term, locale));
    return { locale, list, withRoundTerm, t: (key, values) => t(key, { ...naming(), ...values }) };
  };
  return withRoundTerm(undefined);
}
