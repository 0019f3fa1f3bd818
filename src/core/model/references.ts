import type { Translator } from '../../text/translator.js';
import { proseFields } from '../author-text.js';
import { citationsOf, formatCitationNumbers, parseProse, type ProseBlock, type ProseRun } from '../prose.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { AuthorProse, ReferenceView } from './types.js';

type Reference = NonNullable<CaseFile['references']>[number];

/** The prose fields read before the results: their citations are numbered first. */
const EARLY = new Set(['abstract', 'case_presentation']);
/** Keys of the papers the results cite, apart from the case's reference ids. */
const SOURCE = '\u0000source:';

/**
 * The author's prose, read into blocks, and the numbered reference list: references are numbered
 * in order of first citation (Vancouver), uncited ones after them, then the plain-text references
 * of `discussion.references`. Every citation gets its numbers.
 */
export function buildAuthorProse(
  c: CaseFile,
  tr: Translator,
  sources: readonly string[] = [],
): { author: AuthorProse; references: ReferenceView[]; sourceNumbers: Map<string, number> } {
  const fields = proseFields(c).map((field) => ({
    early: EARLY.has(String(field.path[0])),
    key: field.path.join('.'),
    blocks: parseProse(field.text),
  }));
  const blocks = new Map(fields.map((field) => [field.key, field.blocks]));
  const of = (...path: (string | number)[]): ProseBlock[] => blocks.get(path.join('.')) ?? [];
  const numbers = new Map<string, number>();
  const cite = (key: string): void => {
    if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
  };
  // In reading order: the abstract and case presentation, then the results (the papers of the
  // published thresholds), then the discussion and learning points.
  for (const run of fields.filter((f) => f.early).flatMap((f) => citationsOf(f.blocks))) run.keys.forEach(cite);
  for (const text of sources) cite(SOURCE + text);
  for (const run of fields.filter((f) => !f.early).flatMap((f) => citationsOf(f.blocks))) run.keys.forEach(cite);
  const refs = c.references ?? [];
  for (const ref of refs) cite(ref.id);
  for (const run of [...blocks.values()].flatMap(citationsOf)) {
    run.numbers = run.keys.map((key) => numbers.get(key) ?? 0).filter((n) => n > 0);
    run.text = formatCitationNumbers(run.numbers);
  }
  const cited = new Set([...blocks.values()].flatMap(citationsOf).flatMap((run) => run.keys));
  const sourceNumbers = new Map(sources.map((text) => [text, numbers.get(SOURCE + text) ?? 0]));
  const references: ReferenceView[] = [
    ...refs
      .filter((ref, i) => refs.findIndex((r) => r.id === ref.id) === i)
      .map((ref) => ({ number: numbers.get(ref.id) ?? 0, id: ref.id, text: vancouver(ref, tr), cited: cited.has(ref.id) })),
    ...[...sourceNumbers].map(([text, number]) => ({ number, id: '', text, cited: true })),
  ].sort((a, b) => a.number - b.number);
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
  return { author, references, sourceNumbers };
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
