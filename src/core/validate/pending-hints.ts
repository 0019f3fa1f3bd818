import type { CaseIssue } from '../errors.js';

// Issues whose hint takes a search ("did you mean …?" compares with every candidate). A file can
// have 50,000 such issues and shows only the first few, so the search runs for those alone.
const pending = new WeakMap<CaseIssue, () => string | undefined>();

/** The issue, with `find` to run for its hint if the issue is shown (its own hint stands if `find` finds none). */
export function withHintLater(issue: CaseIssue, find: () => string | undefined): CaseIssue {
  pending.set(issue, find);
  return issue;
}

/** The hint of an issue made by {@link withHintLater}, found now; otherwise the hint it has. */
export function hintOf(issue: CaseIssue): string | undefined {
  const find = pending.get(issue);
  return (find ? find() : undefined) ?? issue.hint;
}
