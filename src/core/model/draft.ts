import type { ReportModel } from './types.js';

/** The generated parts of a report an author may take over, as the case file's own fields hold them. */
export interface ProseDraft {
  abstract: string;
  discussion: { text: string[] };
}

/**
 * The draft casereport writes where the author has not: the abstract, and a discussion of what the
 * data shows and cannot show (the limitations, the case's own first). An author pastes it into the
 * case file and edits it; the fields then replace the generated text.
 */
export function draftProse(model: ReportModel): ProseDraft {
  const paragraph = (basis: 'data' | 'always'): string =>
    model.limitations
      .filter((l) => l.basis === basis)
      .map((l) => l.text)
      .join(' ');
  return {
    abstract: model.abstract,
    discussion: { text: [paragraph('data'), paragraph('always')].filter((text) => text !== '') },
  };
}
