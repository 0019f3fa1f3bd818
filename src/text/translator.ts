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
export const ENGLISH: Catalog = { locale: 'en', messages: en };

/** The keys of the English catalog: every message a template or the text layer may use. */
export type MessageKey = keyof typeof en;

/** Values a message's arguments take; a list is joined as the language joins lists ("a, b and c"). */
export type MessageValues = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** Formats messages of one catalog. */
export interface Translator {
  readonly locale: string;
  /** The message `key` with its arguments filled in; an unknown key is a programming error (thrown). */
  t(key: string, values?: MessageValues): string;
  /** Items joined as a list ("a, b, and c"). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
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
  return {
    locale,
    list,
    t(key, values) {
      let format = formats.get(key);
      if (!format) {
        const message = Object.hasOwn(messages, key) ? messages[key] : undefined;
        if (message === undefined) throw new Error(`no message \`${key}\` in the ${locale} catalog`);
        format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
        formats.set(key, format);
      }
      if (!values) return String(format.format());
      const args: Record<string, string | number | boolean> = {};
      for (const [name, value] of Object.entries(values)) {
        if (value === null || value === undefined) continue;
        args[name] = Array.isArray(value) ? list(value) : (value as string | number | boolean);
      }
      return String(format.format(args));
    },
  };
}
