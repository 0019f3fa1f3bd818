import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { ENGLISH, type Catalog } from '../../src/text/translator.js';

/** Letters as a pseudo-locale writes them: readable, but no longer English words. */
const ACCENTED: Record<string, string> = {
  a: 'à',
  e: 'é',
  i: 'î',
  o: 'ö',
  u: 'ü',
  A: 'À',
  E: 'É',
  I: 'Î',
  O: 'Ö',
  U: 'Ü',
  y: 'ý',
  c: 'ç',
  n: 'ñ',
};

/** Literal text of a message as the pseudo-locale has it: accented and bracketed by ⟦ ⟧. */
export function pseudoText(text: string): string {
  return text.replace(/[aeiouAEIOUycn]/g, (ch) => ACCENTED[ch] ?? ch);
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: pseudoText(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(element.options).map(([k, v]) => [k, { ...v, value: transform(v.value) }]));
      return { ...element, options } as MessageFormatElement;
    }
    return element;
  });
}

/** Every message of a catalog, its literal text accented and the whole bracketed: `⟦Çàsé…⟧`. */
export function pseudoCatalog(catalog: Catalog = ENGLISH): Catalog {
  const messages = Object.fromEntries(
    Object.entries(catalog.messages).map(([key, message]) => [key, `⟦${printAST(transform(parse(message, { ignoreTag: true })))}⟧`]),
  );
  // A language other than English, so that lists and numbers formatted by Intl are not English words either.
  return { locale: 'fr', messages };
}
