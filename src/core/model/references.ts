import type { Translator } from '../../text/translator.js';
import { proseFields } from '../author-text.js';
import { citationsOf, formatCitationNumbers, parseProse, type ProseBlock, type ProseRun } from '../prose.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { AuthorProse, ReferenceView } from './types.js';

type Reference = NonNullable<CaseFile['references']>[number];

/**
 * The author's prose, read into blocks, and the numbered reference list: references are numbered
 * in order of first citation (Vancouver), uncited ones after them, then the plain-text references
 * of `discussion.references`. Every citation gets its numbers.
 */
export function buildAuthorProse(c: CaseFile, tr: Translator): { author: AuthorProse; references: ReferenceView[] } {
  const blocks = new Map(proseFields(c).map((field) => [field.path.join('.'), parseProse(field.text)]));
  const of = (...path: (string | number)[]): ProseBlock[] => blocks.get(path.join('.')) ?? [];
  const numbers = new Map<string, number>();
  for (const run of [...blocks.values()].flatMap(citationsOf))
    for (const key of run.keys) if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
  const refs = c.references ?? [];
  for (const ref of refs) if (!numbers.has(ref.id)) numbers.set(ref.id, numbers.size + 1);
  for (const run of [...blocks.values()].flatMap(citationsOf)) {
    run.numbers = run.keys.map((key) => numbers.get(key) ?? 0).filter((n) => n > 0);
    run.text = formatCitationNumbers(run.numbers);
  }
  const cited = new Set([...blocks.values()].flatMap(citationsOf).flatMap((run) => run.keys));
  const references: ReferenceView[] = refs
    .filter((ref, i) => refs.findIndex((r) => r.id === ref.id) === i)
    .map((ref) => ({ number: numbers.get(ref.id) ?? 0, id: ref.id, text: vancouver(ref, tr), cited: cited.has(ref.id) }))
    .sort((a, b) => a.number - b.number);
  for (const text of c.discussion?.references ?? []) references.push({ number: references.length + 1, id: '', text, cited: false });
  const abstract = c.abstract;
  const discussion = c.discussion?.text;
  const author: AuthorProse = {
    abstract:
      abstract === undefined
        ? null
        : {
            blocks: of('abstract'),
            background: of('abstract', 'background'),
            case: of('abstract', 'case'),
            conclusions: of('abstract', 'conclusions'),
          },
    case_presentation: of('case_presentation'),
    discussion:
      typeof discussion === 'string' ? of('discussion', 'text') : (discussion ?? []).flatMap((_, i) => of('discussion', 'text', i)),
    learning_points: (c.learning_points ?? []).map((_, i): ProseRun[] =>
      of('learning_points', i).flatMap((block) => [...block.runs, ...block.items.flat()]),
    ),
  };
  return { author, references };
}

/** A reference in Vancouver style: "Authors. Title. Journal. Year;Volume(Issue):Pages. doi:DOI". */
export function vancouver(ref: Reference, tr: Translator): string {
  if (ref.text !== undefined) return ref.text;
  const sentence = (text: string): string => (/[.?!]$/.test(text) ? text : `${text}.`);
  const authors = Array.isArray(ref.authors)
    ? ref.authors.length > 6
      ? tr.t('model.reference.et_al', { authors: ref.authors.slice(0, 6).join(', ') })
      : ref.authors.join(', ')
    : ref.authors;
  const where = [
    ref.year,
    ref.volume !== undefined ? `;${ref.volume}` : '',
    ref.issue !== undefined ? `(${ref.issue})` : '',
    ref.pages !== undefined ? `:${ref.pages}` : '',
  ]
    .filter((part) => part !== undefined)
    .join('');
  const parts = [
    authors ? sentence(authors) : '',
    ref.title ? sentence(ref.title) : '',
    ref.journal ? sentence(ref.journal) : '',
    where ? sentence(where) : '',
    ref.doi ? `doi:${ref.doi}` : '',
    ref.url ?? '',
  ];
  return parts.filter(Boolean).join(' ');
}
