import type { CaseIssue, CasePath } from '../errors.js';
import type { CaseFile } from '../schema/case-schema.js';
import { crossChecks } from './cross-checks.js';
import type { CaseInstruments } from './instrument-checks.js';

/**
 * The cross-field checks on data that failed the schema, so a file's problems all show at once.
 * Each check runs guarded (the data may not have the shape it expects), and an issue is kept only
 * away from the schema's own findings: one that touches a path the schema already reported on (the
 * path itself, a part of it, or a value inside it) would follow from that problem.
 */
export function checkCrossFieldsBestEffort(data: unknown, schemaIssues: readonly CaseIssue[], instruments: CaseInstruments): CaseIssue[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const c = data as CaseFile;
  const found = crossChecks(instruments).flatMap((check) => {
    try {
      return check(c);
    } catch {
      return [];
    }
  });
  const reported = reportedPaths(schemaIssues);
  return found.filter((issue) => !reported.touches(issue.path));
}

/** The paths of the schema's issues, to ask in time linear in a path whether it touches one. */
function reportedPaths(issues: readonly CaseIssue[]): { touches(path: CasePath): boolean } {
  const exact = new Set<string>();
  const within = new Set<string>();
  for (const { path } of issues) {
    if (path.length === 0) continue;
    let key = '';
    for (const segment of path) {
      key += `/${JSON.stringify(segment)}`;
      within.add(key);
    }
    exact.add(key);
  }
  return {
    touches(path) {
      let key = '';
      for (const segment of path) {
        key += `/${JSON.stringify(segment)}`;
        if (exact.has(key)) return true; // the issue is at or inside a reported value
      }
      return within.has(key); // the issue is at a part of the way to a reported value
    },
  };
}
