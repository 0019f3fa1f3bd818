import { caseIssue, type CaseIssue } from './errors.js';

/** Why a figure cannot be used, for its author. */
export interface FigureProblem {
  message: string;
  hint?: string;
}

/** Looks up the image a case's figure names; the I/O lives with the caller, so the core stays pure. */
export type FigureLookup<T extends object> = (file: string, caseId: string) => T | FigureProblem;

/** What looking up a case's figures gave: each figure's result by index, and an issue for each that failed. */
export interface ResolvedFigures<T> {
  found: (T | undefined)[];
  issues: CaseIssue[];
}

/**
 * Looks up each figure of a case once. A figure that cannot be used is an issue at its
 * `figures[i].file`, for the caller to locate in the text. `render` and `validate` both come here,
 * with lookups that share one check, so that `validate` refuses exactly what `render` would.
 */
export function resolveFigures<T extends object>(files: readonly string[], caseId: string, lookup: FigureLookup<T>): ResolvedFigures<T> {
  const issues: CaseIssue[] = [];
  const found = files.map((file, i) => {
    const result = lookup(file, caseId);
    if (!isFigureProblem(result)) return result;
    issues.push(caseIssue('bad-figure', result.message, ['figures', i, 'file'], result.hint));
    return undefined;
  });
  return { found, issues };
}

function isFigureProblem(result: object): result is FigureProblem {
  return 'message' in result;
}
